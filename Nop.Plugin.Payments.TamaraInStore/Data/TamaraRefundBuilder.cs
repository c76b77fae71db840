using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

public class TamaraRefundBuilder : NopEntityBuilder<TamaraRefund>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(TamaraRefund.TamaraOrderId)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraRefund.RefundId)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraRefund.CaptureId)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraRefund.MerchantRefundId)).AsString(64).NotNullable()
            .WithColumn(nameof(TamaraRefund.CurrencyCode)).AsString(5).Nullable()
            .WithColumn(nameof(TamaraRefund.Comment)).AsString(1024).Nullable()
            .WithColumn(nameof(TamaraRefund.LastError)).AsString(1024).Nullable();
    }
}
