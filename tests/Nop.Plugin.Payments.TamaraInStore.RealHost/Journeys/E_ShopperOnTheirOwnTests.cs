using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>
/// "Offer only at order entry by staff": nopCommerce hides Tamara from a shopper's list of payment methods, but never asks
/// again when the checkout is posted. A shopper who posts Tamara anyway must not make the store's account text anyone.
/// </summary>
[RealHostFixture, Order(5), NonParallelizable]
public class E_ShopperOnTheirOwnTests : Journey
{
    private IBrowserContext _shopperContext;
    private IPage _shopperPage;

    [TearDown]
    public async Task ScreenshotShopperOnFailureAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed && _shopperPage is not null)
            await Screens.TakeAsync(_shopperPage, "failed-shopper-page");
    }

    [OneTimeTearDown]
    public async Task CloseShopperAsync()
    {
        if (_shopperContext is not null)
            await _shopperContext.DisposeAsync();
    }

    [Test]
    public async Task A_shopper_posting_tamara_is_refused_and_nothing_reaches_tamara()
    {
        _shopperContext = await RealHostSuite.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = RealHostSuite.Host.Url.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }
        });
        _shopperContext.SetDefaultTimeout(60_000);
        var page = _shopperPage = await _shopperContext.NewPageAsync();
        var shop = new Storefront(page);

        await page.GotoAsync("login");
        await page.FillAsync("#Email", "arthur_holmes@nopCommerce.com");
        await page.FillAsync("#Password", "123456");
        await page.ClickAsync("button.login-button");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await shop.AddProductToCartAsync();
        await shop.StartCheckoutAsync();
        Assert.That(await shop.PaymentMethodsOfferedAsync(), Does.Not.Contain(AdminUi.SystemName), "not listed for a shopper");

        var phone = NextPhone();
        var smsBefore = Tamara.State.SmsOutbox.Count;
        var sessionsBefore = Tamara.State.Orders.Count;
        await shop.ChoosePaymentMethodAsync(AdminUi.SystemName);
        var paymentInfo = page.Locator("#checkout-step-payment-info #PhoneNumber");
        if (await paymentInfo.CountAsync() > 0 && await paymentInfo.IsVisibleAsync())
        {
            await shop.FillTamaraPaymentInfoAsync(phone.Typed);
            if (await shop.ReachedConfirmStepAsync())
                await shop.ConfirmAsync();
        }

        await Screens.TakeAsync(page, "shopper-posting-tamara-refused");
        Assert.That(Tamara.State.Orders.Count, Is.EqualTo(sessionsBefore), "no Tamara session was created");
        Assert.That(Tamara.State.SmsOutbox.Count, Is.EqualTo(smsBefore), "nobody was texted");
        Assert.That(await shop.CheckoutErrorsAsync(), Does.Contain("staff").IgnoreCase, "the shopper is told why");
    }
}
