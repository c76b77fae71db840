using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

public class TamaraPhoneLinkSlotBuilder : NopEntityBuilder<TamaraPhoneLinkSlot>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table.WithColumn(nameof(TamaraPhoneLinkSlot.PhoneNumber)).AsString(32).NotNullable();
    }
}
