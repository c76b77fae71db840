using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Client;

/// <summary>The plugin's Tamara client against the simulator: sessions and order look-ups</summary>
public class ClientSessionTests : EndToEndTest
{
    [Test]
    public async Task Creating_a_session_texts_the_customer_one_payment_link()
    {
        var reference = NewReference();

        var session = await CreateSessionAsync(450m, reference);

        Assert.That(session.OrderId, Is.Not.Empty);
        Assert.That(session.CheckoutId, Is.Not.Empty);
        var sms = Tamara.SmsOutbox.Single();
        Assert.That(sms.OrderId, Is.EqualTo(session.OrderId));
        Assert.That(sms.Link, Is.EqualTo(session.CheckoutDeeplink));
        Assert.That(sms.Amount, Is.EqualTo(450m));
        Assert.That(sms.PhoneNumber, Is.EqualTo("966534274516"));
        Assert.That(Tamara.FindOrder(session.OrderId)!.StoreCode, Is.EqualTo("riyadh-01"));
    }

    [Test]
    public async Task After_the_customer_pays_the_order_reads_fully_captured_for_the_whole_amount()
    {
        var orderId = await CreatePaidTamaraOrderAsync(300m);

        var order = await Client.GetOrderAsync(Settings, orderId);

        Assert.That(order.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
        Assert.That(order.CapturedAmount.Amount, Is.EqualTo(300m));
        Assert.That(order.CapturedAmount.Currency, Is.EqualTo("SAR"));
        Assert.That(order.PaidAmount.Amount, Is.EqualTo(100m), "the first of three instalments");
        Assert.That(order.Transactions.Captures.Single().TotalAmount.Amount, Is.EqualTo(300m));
    }

    [Test]
    public async Task An_order_is_found_by_its_reference_and_an_unknown_reference_reads_as_nothing()
    {
        var reference = NewReference();
        var session = await CreateSessionAsync(reference: reference);

        var found = await Client.GetOrderByReferenceIdAsync(Settings, reference);
        var missing = await Client.GetOrderByReferenceIdAsync(Settings, "ORD-never-sent");

        Assert.That(found.OrderId, Is.EqualTo(session.OrderId));
        Assert.That(found.Status, Is.EqualTo(TamaraOrderStatus.New));
        Assert.That(missing, Is.Null);
    }

    [Test]
    public async Task Declined_and_expired_orders_read_as_such()
    {
        var declined = await CreateSessionAsync();
        var expired = await CreateSessionAsync();
        Tamara.Decline(declined.OrderId);
        Tamara.ExpireNow(expired.OrderId);

        Assert.That((await Client.GetOrderAsync(Settings, declined.OrderId)).Status, Is.EqualTo(TamaraOrderStatus.Declined));
        Assert.That((await Client.GetOrderAsync(Settings, expired.OrderId)).Status, Is.EqualTo(TamaraOrderStatus.Expired));
    }

    [Test]
    public async Task A_new_session_can_be_voided_and_a_paid_one_cannot()
    {
        var open = await CreateSessionAsync();
        var paidOrderId = await CreatePaidTamaraOrderAsync();
        var paid = Tamara.FindOrder(paidOrderId)!;

        var voided = await Client.VoidCheckoutSessionAsync(Settings, open.CheckoutId, open.OrderId, Settings.StoreCode);
        var refused = Assert.ThrowsAsync<TamaraApiException>(() =>
            Client.VoidCheckoutSessionAsync(Settings, paid.CheckoutId, paid.OrderId, Settings.StoreCode));

        Assert.That(voided.OrderWasVoided, Is.True);
        Assert.That((await Client.GetOrderAsync(Settings, open.OrderId)).Status, Is.EqualTo(TamaraOrderStatus.Canceled));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Tamara.FindOrder(paidOrderId)!.Status, Is.EqualTo(TamaraOrderStatus.FullyCaptured));
    }

    [Test]
    public async Task A_session_Tamara_refuses_surfaces_its_reason_and_sends_no_text()
    {
        var tooSmall = SessionRequests_TooSmall();

        var refused = Assert.ThrowsAsync<TamaraApiException>(() => Client.CreateInStoreSessionAsync(Settings, tooSmall));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.ErrorCodes, Does.Contain("amount_below_minimum"));
        Assert.That(Tamara.SmsOutbox, Is.Empty);
    }

    [Test]
    public async Task A_wrong_api_token_is_refused_without_retries()
    {
        Settings.ApiToken = "not-the-token";

        var refused = Assert.ThrowsAsync<TamaraApiException>(() => Client.GetOrderAsync(Settings, "any"));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.IsTransient, Is.False);
        await Task.CompletedTask;
    }

    private static CreateInStoreSessionRequest SessionRequests_TooSmall() => Harness.SessionRequests.Sms(NewReference(), 10m);
}
