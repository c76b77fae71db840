using Moq;
using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

/// <summary>"Send new link" on the order page: the order then names the live Tamara order, not the voided one</summary>
public class ReplacementSessionTests
{
    [Test]
    public async Task After_a_new_link_the_orders_authorization_transaction_id_is_the_live_tamara_order()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates("tamara-order-1", "checkout-1");
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        var placed = await service.ProcessPaymentAsync(request);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomerId = 7, CustomOrderNumber = "A-1001",
            OrderTotal = 26.666667m, CurrencyRate = 3.75m, CustomerCurrencyCode = "SAR", AuthorizationTransactionId = placed.AuthorizationTransactionId };
        // the stored row changed after the page loaded it (voiding the first link, a note, an edit)
        var stored = new Order { Id = 55, OrderGuid = order.OrderGuid, StoreId = 1, CustomerId = 7, CustomOrderNumber = "A-1001",
            OrderTotal = order.OrderTotal, CurrencyRate = 3.75m, CustomerCurrencyCode = "SAR", AuthorizationTransactionId = "tamara-order-1",
            PaidDateUtc = null, CustomValuesXml = "changed since the page loaded" };
        fixture.OrderService.Setup(o => o.GetOrderByIdAsync(55)).ReturnsAsync(stored);
        fixture.LineReader.Setup(r => r.FromOrderAsync(It.IsAny<Order>())).ReturnsAsync(fixture.CartAmounts);
        fixture.TamaraCreates("tamara-order-2", "checkout-2");

        await service.CreateReplacementSessionAsync(order, fixture.Sessions.Rows.Single());

        fixture.OrderService.Verify(o => o.UpdateOrderAsync(It.Is<Order>(updated => ReferenceEquals(updated, stored)
            && updated.AuthorizationTransactionId == "tamara-order-2" && updated.CustomValuesXml == "changed since the page loaded")), Times.Once);
        Assert.That(order.AuthorizationTransactionId, Is.EqualTo("tamara-order-2"));
    }

    [Test]
    public async Task A_refused_new_link_leaves_the_authorization_transaction_id_alone()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates("tamara-order-1", "checkout-1");
        var service = fixture.Create();
        var request = CheckoutFixture.PaymentRequest(26.666667m);
        await service.ProcessPaymentAsync(request);
        var order = new Order { Id = 55, OrderGuid = request.OrderGuid, StoreId = 1, CustomerId = 7, OrderTotal = 26.666667m,
            CurrencyRate = 3.75m, CustomerCurrencyCode = "SAR", AuthorizationTransactionId = "tamara-order-1" };
        fixture.LineReader.Setup(r => r.FromOrderAsync(It.IsAny<Order>())).ReturnsAsync(fixture.CartAmounts);
        fixture.Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<Services.Api.Models.CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Services.Api.TamaraApiException("Invalid phone", System.Net.HttpStatusCode.BadRequest, "POST /checkout/in-store-session"));

        Assert.ThrowsAsync<Nop.Core.NopException>(() => service.CreateReplacementSessionAsync(order, fixture.Sessions.Rows.Single()));

        fixture.OrderService.Verify(o => o.UpdateOrderAsync(It.IsAny<Order>()), Times.Never);
        Assert.That(order.AuthorizationTransactionId, Is.EqualTo("tamara-order-1"));
    }
}
