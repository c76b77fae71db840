using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

public class TamaraDisputeBuilder : NopEntityBuilder<TamaraDispute>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(TamaraDispute.DisputeId)).AsString(64).NotNullable()
            .WithColumn(nameof(TamaraDispute.TamaraOrderId)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraDispute.Status)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraDispute.Reason)).AsString(1024).Nullable()
            .WithColumn(nameof(TamaraDispute.CurrencyCode)).AsString(5).Nullable();
    }
}
