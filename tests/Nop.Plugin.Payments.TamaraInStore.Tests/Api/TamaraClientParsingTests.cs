using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

[TestFixture]
public class TamaraClientParsingTests : TamaraApiTestBase
{
    [Test]
    public async Task Guide_order_sample_new_parses()
    {
        Server.Enqueue(200, GuideSamples.OrderNew);

        var order = await CreateClient().GetOrderAsync(Settings(), "0ac038ef-de4a-491c-828e-b02ec0d4582d");

        Assert.Multiple(() =>
        {
            Assert.That(order.OrderId, Is.EqualTo("0ac038ef-de4a-491c-828e-b02ec0d4582d"));
            Assert.That(order.OrderReferenceId, Is.EqualTo("1231234123"));
            Assert.That(order.OrderNumber, Is.EqualTo("1231234123"));
            Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.New));
            Assert.That(order.Consumer.FirstName, Is.EqualTo("Mona"));
            Assert.That(order.Consumer.PhoneNumber, Is.EqualTo("966532298658"));
            Assert.That(order.PaymentType, Is.EqualTo("PAY_BY_INSTALMENTS"));
            Assert.That(order.Instalments, Is.EqualTo(3));
            Assert.That(order.TotalAmount.Amount, Is.EqualTo(300m));
            Assert.That(order.TotalAmount.Currency, Is.EqualTo("SAR"));
            Assert.That(order.DiscountAmount.Name, Is.EqualTo("Christmas 2020"));
            Assert.That(order.DiscountAmount.Amount.Amount, Is.EqualTo(200m));
            Assert.That(order.CapturedAmount.Amount, Is.EqualTo(0m));
            Assert.That(order.PaidAmount.Amount, Is.EqualTo(0m));
            Assert.That(order.Items.Single().Sku, Is.EqualTo("SA-12436"));
            Assert.That(order.Items.Single().UnitPrice.Amount, Is.EqualTo(490m));
            Assert.That(order.Items.Single().DiscountAmount.Amount, Is.EqualTo(100m));
            Assert.That(order.SettlementDate, Is.Null);
            Assert.That(order.CreatedAt, Is.EqualTo(new DateTime(2023, 7, 10, 8, 5, 59, DateTimeKind.Utc)));
            Assert.That(order.CreatedAt!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(order.Transactions.Captures, Is.Empty);
            Assert.That(order.Transactions.Refunds, Is.Empty);
            Assert.That(order.Processing, Is.False);
            Assert.That(order.AdditionalData["from_in_store_payment_link"]!.ToObject<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Guide_order_sample_fully_captured_parses()
    {
        Server.Enqueue(200, GuideSamples.OrderFullyCaptured);

        var order = await CreateClient().GetOrderAsync(Settings(), "0ac038ef-de4a-491c-828e-b02ec0d4582d");

        var capture = order.Transactions.Captures.Single();
        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
            Assert.That(order.CapturedAmount.Amount, Is.EqualTo(300m));
            Assert.That(order.PaidAmount.Amount, Is.EqualTo(100m));
            Assert.That(order.RefundedAmount.Amount, Is.EqualTo(0m));
            Assert.That(order.CreatedAt, Is.EqualTo(new DateTime(2023, 6, 22, 10, 21, 22, DateTimeKind.Utc)));
            Assert.That(capture.CaptureId, Is.EqualTo("d5a4be96-30de-4df1-a93f-43bb7b85a60a"));
            Assert.That(capture.OrderId, Is.EqualTo("4187f2ee-4b5e-40b7-8244-9cb7d5e54674"));
            Assert.That(capture.TotalAmount.Amount, Is.EqualTo(300m));
            Assert.That(capture.RefundedAmount.Amount, Is.EqualTo(0m));
            Assert.That(capture.CreatedAt, Is.EqualTo(new DateTime(2023, 7, 10, 8, 8, 52, DateTimeKind.Utc)));
        });
    }

    [Test]
    public async Task Guide_refund_sample_full_parses()
    {
        Server.Enqueue(200, GuideSamples.RefundFull);

        var refund = await CreateClient().SimplifiedRefundAsync(Settings(), "0ac038ef-de4a-491c-828e-b02ec0d4582d",
            new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(300, "SAR"), Comment = "Refund for the order 123" });

        Assert.Multiple(() =>
        {
            Assert.That(refund.OrderId, Is.EqualTo("0ac038ef-de4a-491c-828e-b02ec0d4582d"));
            Assert.That(refund.Comment, Is.EqualTo("Refund for the order 123"));
            Assert.That(refund.RefundId, Is.EqualTo("a04390d4-5690-45cd-9086-6980d8a86f72"));
            Assert.That(refund.CaptureId, Is.EqualTo("bd10fc2c-4db8-426e-a1fd-b16388d42c01"));
            Assert.That(refund.Status, Is.EqualTo(TamaraOrderStatus.FullyRefunded));
            Assert.That(refund.RefundedAmount.Amount, Is.EqualTo(300m));
            Assert.That(refund.RefundedAmount.Currency, Is.EqualTo("SAR"));
        });
    }

    [Test]
    public async Task Guide_refund_sample_partial_parses()
    {
        Server.Enqueue(200, GuideSamples.RefundPartial);

        var refund = await CreateClient().SimplifiedRefundAsync(Settings(), "0ac038ef-de4a-491c-828e-b02ec0d4582d",
            new SimplifiedRefundRequest { TotalAmount = new TamaraMoney(100, "SAR"), Comment = "Refund for the order 123" });

        Assert.That(refund.RefundId, Is.EqualTo("924001dc-0e25-463e-82f2-1848aca95542"));
        Assert.That(refund.Status, Is.EqualTo(TamaraOrderStatus.PartiallyRefunded));
        Assert.That(refund.RefundedAmount.Amount, Is.EqualTo(100m));
    }

    [Test]
    public async Task Amounts_are_exact_decimals()
    {
        // as a double, 0.1 + 0.2 would not be 0.3 and 1234567.891 would lose digits
        Server.Enqueue(200, """
            { "order_id": "o", "status": "fully_captured",
              "total_amount": { "amount": 1234567.891, "currency": "KWD" },
              "captured_amount": { "amount": 0.1, "currency": "KWD" },
              "refunded_amount": { "amount": 0.2, "currency": "KWD" },
              "transactions": { "refunds": [ { "refund_id": "r", "total_amount": { "amount": 79228162514264337593543950.335, "currency": "KWD" } } ] } }
            """);

        var order = await CreateClient().GetOrderAsync(Settings(), "o");

        Assert.That(order.TotalAmount.Amount, Is.EqualTo(1234567.891m));
        Assert.That(order.CapturedAmount.Amount + order.RefundedAmount.Amount, Is.EqualTo(0.3m));
        Assert.That(order.Transactions.Refunds.Single().Amount.Amount, Is.EqualTo(79228162514264337593543950.335m));
    }

    [Test]
    public async Task Unknown_fields_are_ignored_and_unknown_status_is_kept_as_text()
    {
        Server.Enqueue(200, """
            { "order_id": "o", "status": "on_hold_for_review", "brand_new_field": { "nested": [1, 2] },
              "total_amount": { "amount": 10, "currency": "SAR", "formatted": "SAR 10.00" },
              "transactions": null, "items": null, "settlement_date": "2024-01-31T23:30:00+03:00" }
            """);

        var order = await CreateClient().GetOrderAsync(Settings(), "o");

        Assert.That(order.Status, Is.EqualTo("on_hold_for_review"));
        Assert.That(order.TotalAmount.Amount, Is.EqualTo(10m));
        Assert.That(order.Transactions, Is.Not.Null);
        Assert.That(order.Items, Is.Not.Null);
        Assert.That(order.SettlementDate, Is.EqualTo(new DateTime(2024, 1, 31, 20, 30, 0, DateTimeKind.Utc)));
        Assert.That(order.SettlementDate!.Value.Kind, Is.EqualTo(DateTimeKind.Utc));
    }
}
