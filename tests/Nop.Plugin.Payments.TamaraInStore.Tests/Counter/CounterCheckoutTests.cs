using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;
using Nop.Services.Orders;
using Moq;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Counter;

/// <summary>The counter places its order through the checkout's own session code, without impersonating the customer</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CounterCheckoutTests
{
    [Test]
    public async Task A_counter_sale_passes_the_staff_only_rule_without_impersonation_and_without_an_e_mail()
    {
        var fixture = new CheckoutFixture { Staff = null };
        fixture.TamaraCreates();
        var request = CheckoutFixture.PaymentRequest(100m);
        request.CustomValues.Remove(TamaraInStoreDefaults.CustomValueNames.Email);

        Nop.Services.Payments.ProcessPaymentResult result;
        using (TamaraStaffOrderEntry.BeginCounterSale(staffCustomerId: 1, till: "Till 1"))
            result = await fixture.Create().ProcessPaymentAsync(request);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.AuthorizationTransactionId, Is.EqualTo("tamara-order-1"));
        Assert.That((fixture.Sessions.Rows.Single().StaffCustomerId, fixture.Sessions.Rows.Single().Till), Is.EqualTo(((int?)1, "Till 1")),
            "the session records the clerk and the till");
        fixture.Client.Verify(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(),
            It.Is<CreateInStoreSessionRequest>(r => r.Email == null && r.PhoneNumber == "966501234567"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_session_of_staff_impersonating_the_customer_records_that_staff_member()
    {
        var fixture = new CheckoutFixture();
        fixture.TamaraCreates();

        await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(100m));

        Assert.That(fixture.Sessions.Rows.Single().StaffCustomerId, Is.EqualTo(fixture.Staff.Id));
        Assert.That(fixture.Sessions.Rows.Single().Till, Is.Null);
    }

    [Test]
    public async Task Outside_a_counter_sale_a_shopper_alone_is_still_refused()
    {
        var fixture = new CheckoutFixture { Staff = null };
        fixture.TamaraCreates();

        using (TamaraStaffOrderEntry.BeginCounterSale(staffCustomerId: 1, till: null))
        {
        }

        var result = await fixture.Create().ProcessPaymentAsync(CheckoutFixture.PaymentRequest(100m));

        Assert.That(result.Success, Is.False);
        Assert.That(TamaraStaffOrderEntry.CounterSale, Is.Null);
    }
}
