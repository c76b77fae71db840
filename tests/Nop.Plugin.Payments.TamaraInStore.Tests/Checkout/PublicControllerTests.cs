using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Newtonsoft.Json.Linq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class PublicControllerTests
{
    private readonly Customer _customer = new() { Id = 7 };
    private readonly Customer _staff = new() { Id = 1 };
    private Mock<IWorkContext> _workContext;
    private Mock<ITamaraClient> _client;
    private TamaraSessionService _sessions;

    [SetUp]
    public void SetUp()
    {
        _workContext = new Mock<IWorkContext>();
        _workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(_customer);
        _client = new Mock<ITamaraClient>();
        _sessions = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), new InMemoryRepository<TamaraSession>());
    }

    private TamaraInStorePublicController Controller()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>()))
            .ReturnsAsync(new TamaraInStoreSettings { ApiToken = "api", CountryCode = "SA", OfferOnlyToStaff = false });
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });

        return new TamaraInStorePublicController(localization.Object, Mock.Of<ILogger>(), settings.Object, storeContext.Object,
            _client.Object, _workContext.Object, new TamaraPhoneNumberService(), _sessions,
            new TamaraSessionStatusService(localization.Object, _workContext.Object))
        {
            ControllerContext = new ControllerContext { HttpContext = new DefaultHttpContext() }
        };
    }

    private void StaffImpersonates() => _workContext.Setup(w => w.OriginalCustomerIfImpersonated).Returns(_staff);

    [Test]
    public async Task A_customer_on_their_own_cannot_ask_whether_a_phone_is_verified_even_when_tamara_is_offered_to_everyone()
    {
        var result = await Controller().IdVerification("0501234567");

        Assert.That(result, Is.InstanceOf<ForbidResult>());
        _client.VerifyNoOtherCalls();
    }

    [TestCase(true, "verified")]
    [TestCase(false, "notverified")]
    public async Task Staff_at_order_entry_see_whether_the_customer_is_verified(bool verified, string expected)
    {
        StaffImpersonates();
        _client.Setup(c => c.IsCustomerIdVerifiedAsync(It.IsAny<TamaraInStoreSettings>(), "966501234567", "SA", It.IsAny<CancellationToken>())).ReturnsAsync(verified);

        var result = await Controller().IdVerification("050 123 4567") as JsonResult;

        Assert.That((string)JObject.FromObject(result!.Value!)["result"], Is.EqualTo(expected));
    }

    [Test]
    public async Task An_invalid_phone_is_answered_without_asking_tamara()
    {
        StaffImpersonates();

        var result = await Controller().IdVerification("12345") as JsonResult;

        Assert.That((string)JObject.FromObject(result!.Value!)["result"], Is.EqualTo("unknown"));
        _client.VerifyNoOtherCalls();
    }

    [Test]
    public async Task The_live_status_is_shown_to_the_orders_own_customer_only()
    {
        var orderGuid = Guid.NewGuid();
        await _sessions.InsertSessionAsync(new TamaraSession { OrderGuid = orderGuid, CustomerId = 99, State = TamaraSessionState.Pending, TamaraOrderId = "t-1" });

        var forSomeoneElse = await Controller().Status(orderGuid);
        Assert.That(forSomeoneElse, Is.InstanceOf<NotFoundResult>());

        _workContext.Setup(w => w.GetCurrentCustomerAsync()).ReturnsAsync(new Customer { Id = 99 });
        var forTheCustomer = await Controller().Status(orderGuid) as JsonResult;
        Assert.That((string)JObject.FromObject(forTheCustomer!.Value!)["state"], Is.EqualTo("pending"));
    }
}
