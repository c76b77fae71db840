using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

public class TamaraStoreHealthBuilder : NopEntityBuilder<TamaraStoreHealth>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        // every column follows from the entity
    }
}
