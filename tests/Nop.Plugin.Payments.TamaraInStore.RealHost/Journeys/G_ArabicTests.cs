using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Journeys;

/// <summary>The plugin's pages in Arabic: right to left, and none of its texts left as a resource key</summary>
[RealHostFixture, Order(7), NonParallelizable]
public class G_ArabicTests : Journey
{
    private const string KeyPrefix = "Plugins.Payments.TamaraInStore";
    private int _arabicId;
    private int _englishId;

    [OneTimeSetUp]
    public async Task SwitchToArabicAsync()
    {
        _arabicId = await Database.ScalarAsync<int>("SELECT \"Id\" FROM \"Language\" WHERE \"LanguageCulture\" = 'ar-SA'");
        _englishId = await Database.ScalarAsync<int>("SELECT \"Id\" FROM \"Language\" WHERE \"LanguageCulture\" = 'en-US'");
        Assert.That(_arabicId, Is.GreaterThan(0), "the Arabic language of the first journey");
        await Admin.Page.GotoAsync($"changelanguage/{_arabicId}?returnUrl=%2FAdmin");
    }

    [OneTimeTearDown]
    public async Task SwitchBackAsync()
    {
        if (_englishId == 0)
            return;

        await Admin.ImpersonateAsync(CustomerEmail);
        await Admin.Page.GotoAsync($"changelanguage/{_englishId}?returnUrl=%2F");
        await Admin.Page.GotoAsync("logout");
        await Admin.Page.GotoAsync($"changelanguage/{_englishId}?returnUrl=%2FAdmin");
    }

    private static async Task AssertArabicPageAsync(string screenshot, string region = "body")
    {
        var page = Admin.Page;
        await Screens.TakeAsync(page, screenshot);
        Assert.That(await page.GetAttributeAsync("html", "dir"), Is.EqualTo("rtl"), $"{screenshot}: right to left");
        var text = await page.Locator(region).First.InnerTextAsync();
        Assert.That(text, Does.Not.Contain(KeyPrefix).IgnoreCase, $"{screenshot}: every text of the plugin translated");
        Assert.That(text, Does.Match("[\u0600-\u06FF]"), $"{screenshot}: Arabic text shown");
    }

    [Test, Order(1)]
    public async Task The_configuration_page()
    {
        await Admin.Page.GotoAsync("Admin/TamaraInStore/Configure");
        await AssertArabicPageAsync("arabic-configure", ".content-wrapper");
    }

    [Test, Order(2)]
    public async Task The_counter_checkout_and_the_waiting_page()
    {
        // the storefront speaks the customer's language: the clerk switches it for an Arabic-speaking customer
        var order = await PlaceTamaraOrderAsync(customerLanguageId: _arabicId,
            atTheCounter: _ => AssertArabicPageAsync("arabic-counter-page", "#tamara-instore-counter"));
        var sms = Tamara.State.FindOrder(order.TamaraOrderId);
        Assert.That(sms.Locale, Does.StartWith("ar"), "the payment link in Arabic for an Arabic-speaking customer");

        await Admin.OpenOrderAsync(order.OrderId);
        await AssertArabicPageAsync("arabic-order-tamara-block", "#order-form");
    }

    [Test, Order(3)]
    public async Task A_language_added_after_the_install_gets_the_plugins_texts()
    {
        await Admin.Page.GotoAsync($"changelanguage/{_englishId}?returnUrl=%2FAdmin");
        var page = Admin.Page;
        await page.GotoAsync("Admin/Language/Create");
        await page.FillAsync("#Name", "العربية (الإمارات)");
        await page.SelectOptionAsync("#LanguageCulture", "ar-AE");
        await page.FillAsync("#UniqueSeoCode", "ae");
        await page.CheckAsync("#Rtl");
        await page.ClickAsync("button[name='save']");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var texts = await Database.ScalarAsync<long>(
            "SELECT count(*) FROM \"LocaleStringResource\" r JOIN \"Language\" l ON l.\"Id\" = r.\"LanguageId\" " +
            "WHERE l.\"LanguageCulture\" = 'ar-AE' AND r.\"ResourceName\" LIKE 'plugins.payments.tamarainstore.%' AND r.\"ResourceValue\" ~ '[\u0600-\u06FF]'");
        Assert.That(texts, Is.GreaterThan(50), "Arabic texts for an Arabic language created after the install");
    }
}
