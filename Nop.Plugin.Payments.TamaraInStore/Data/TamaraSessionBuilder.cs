using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

public class TamaraSessionBuilder : NopEntityBuilder<TamaraSession>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(TamaraSession.CheckoutId)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraSession.TamaraOrderId)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraSession.CheckoutDeeplink)).AsString(1024).Nullable()
            .WithColumn(nameof(TamaraSession.TamaraStatus)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraSession.CurrencyCode)).AsString(5).Nullable()
            .WithColumn(nameof(TamaraSession.PhoneNumber)).AsString(32).Nullable()
            .WithColumn(nameof(TamaraSession.Email)).AsString(255).Nullable()
            .WithColumn(nameof(TamaraSession.Locale)).AsString(10).Nullable()
            .WithColumn(nameof(TamaraSession.PaymentType)).AsString(64).Nullable()
            .WithColumn(nameof(TamaraSession.LastError)).AsString(1024).Nullable()
            .WithColumn(nameof(TamaraSession.DeviceId)).AsString(TamaraInStoreDefaults.DeviceIdMaxLength).Nullable()
            .WithColumn(nameof(TamaraSession.StaffCustomerId)).AsInt32().Nullable()
            .WithColumn(nameof(TamaraSession.Till)).AsString(TamaraInStoreDefaults.DeviceIdMaxLength).Nullable();
    }
}
