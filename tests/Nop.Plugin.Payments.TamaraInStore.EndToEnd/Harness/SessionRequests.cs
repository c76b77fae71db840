using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>In-store session requests as the checkout sends them: one line, amounts that add up</summary>
public static class SessionRequests
{
    public const string Phone = "+966534274516";

    public static CreateInStoreSessionRequest Sms(string orderReferenceId, decimal total, string currency = "SAR", string storeCode = "riyadh-01") => new()
    {
        TotalAmount = new TamaraMoney(total, currency),
        PhoneNumber = Phone,
        Email = "customer@example.com",
        OrderReferenceId = orderReferenceId,
        OrderNumber = orderReferenceId,
        Locale = "en_US",
        PaymentType = "PAY_BY_INSTALMENTS",
        Items =
        [
            new TamaraItem
            {
                ReferenceId = "line-1",
                Type = "Physical",
                Name = "Espresso machine",
                Sku = "ESP-1",
                Quantity = 1,
                UnitPrice = new TamaraMoney(total, currency),
                TotalAmount = new TamaraMoney(total, currency)
            }
        ],
        AdditionalData = new TamaraAdditionalData { StoreCode = storeCode }
    };
}
