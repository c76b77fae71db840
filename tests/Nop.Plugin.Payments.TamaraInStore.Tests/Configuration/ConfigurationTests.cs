using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Controllers;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Validators;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Stores;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Configuration;

public class ConfigurationTests
{
    private static TamaraInStoreSettings Saved() => new()
    {
        ApiToken = "api-secret-token-ab12",
        NotificationToken = "notification-secret-cd34",
        CountryCode = "SA",
        RequestTimeoutSeconds = 10,
        PollIntervalSeconds = 10,
        SessionLifetimeMinutes = 15
    };

    [Test]
    public void The_page_model_never_carries_a_token()
    {
        var model = ConfigurationModelMapper.ToModel(Saved());

        Assert.Multiple(() =>
        {
            Assert.That(model.ApiToken, Is.Null);
            Assert.That(model.NotificationToken, Is.Null);
            Assert.That(model.ApiTokenIsSet, Is.True);
            Assert.That(model.ApiTokenHint, Is.EqualTo("••••ab12"));
            Assert.That(model.NotificationTokenHint, Is.EqualTo("••••cd34"));
        });
    }

    [Test]
    public async Task Saving_with_blank_tokens_keeps_the_saved_ones_and_the_page_gets_none_back()
    {
        var settings = Saved();
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(settings);
        var controller = Controller(settingService);

        var model = ConfigurationModelMapper.ToModel(Saved());
        model.ApiToken = "";
        model.NotificationToken = "   ";
        model.StoreCode = "Branch B";

        var result = await controller.Configure(model) as ViewResult;

        Assert.Multiple(() =>
        {
            Assert.That(settings.ApiToken, Is.EqualTo("api-secret-token-ab12"));
            Assert.That(settings.NotificationToken, Is.EqualTo("notification-secret-cd34"));
            Assert.That(settings.StoreCode, Is.EqualTo("Branch B"));
            var page = (ConfigurationModel)result!.Model;
            Assert.That(page.ApiToken, Is.Null);
            Assert.That(page.NotificationToken, Is.Null);
        });
        settingService.Verify(s => s.SaveSettingOverridablePerStoreAsync(settings, It.IsAny<Expression<Func<TamaraInStoreSettings, string>>>(), It.IsAny<bool>(), It.IsAny<int>(), false), Times.AtLeast(2));
    }

    [Test]
    public async Task The_reconciliation_period_is_saved_for_all_stores_whichever_store_the_page_shows()
    {
        var settings = Saved();
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(settings);
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(context => context.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);
        var model = ConfigurationModelMapper.ToModel(Saved());
        model.ReconciliationDays = 30;

        await Controller(settingService, storeContext: storeContext.Object).Configure(model);

        Assert.That(settings.ReconciliationDays, Is.EqualTo(30));
        settingService.Verify(s => s.SaveSettingAsync(settings,
            It.Is<Expression<Func<TamaraInStoreSettings, int>>>(key => ((MemberExpression)key.Body).Member.Name == nameof(TamaraInStoreSettings.ReconciliationDays)),
            0, false), Times.Once);
    }

    [Test]
    public async Task A_new_token_replaces_the_saved_one()
    {
        var settings = Saved();
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(settings);

        var model = ConfigurationModelMapper.ToModel(Saved());
        model.ApiToken = " new-token-9999 ";
        await Controller(settingService).Configure(model);

        Assert.That(settings.ApiToken, Is.EqualTo("new-token-9999"));
    }

    [TestCase("https://simulator.local:5001", true)]
    [TestCase("https://api-sandbox.tamara.co", true)]
    [TestCase("http://localhost:5077", true)]
    [TestCase("http://LOCALHOST", true)]
    [TestCase("http://127.0.0.1:5077", true)]
    [TestCase("http://127.45.6.7", true)]
    [TestCase("http://[::1]:5077", true)]
    [TestCase("http://simulator.local:5077", false)]
    [TestCase("http://api.tamara.co", false)]
    [TestCase("http://10.0.0.5:5077", false)]
    [TestCase("http://127.0.0.1.example.com", false)]
    [TestCase("http://localhost.example.com", false)]
    [TestCase("http://[::2]", false)]
    [TestCase("ftp://x", false)]
    [TestCase("api.tamara.co", false)]
    public void Base_url_override_is_https_or_http_on_a_loopback_address(string url, bool valid)
    {
        Assert.That(TamaraBaseUrl.IsAllowed(url), Is.EqualTo(valid));
    }

    [Test]
    public void Limits_are_validated()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        var model = ConfigurationModelMapper.ToModel(Saved());
        model.PollIntervalSeconds = 4;
        model.SessionLifetimeMinutes = 1441;

        var errors = new ConfigurationValidator(localization.Object).Validate(model).Errors.Select(e => e.PropertyName).ToList();

        Assert.That(errors, Is.EquivalentTo(new[] { nameof(ConfigurationModel.PollIntervalSeconds), nameof(ConfigurationModel.SessionLifetimeMinutes) }));
    }

    [Test]
    public void A_request_timeout_whose_retries_could_outlive_the_order_lock_is_refused()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        var validator = new ConfigurationValidator(localization.Object);
        var model = ConfigurationModelMapper.ToModel(Saved());

        model.RequestTimeoutSeconds = 60;
        var tooLong = validator.Validate(model).Errors.Select(e => e.PropertyName).ToList();
        model.RequestTimeoutSeconds = TamaraInStoreDefaults.DefaultRequestTimeoutSeconds;
        var byDefault = validator.Validate(model).Errors;

        Assert.Multiple(() =>
        {
            Assert.That(tooLong, Is.EqualTo(new[] { nameof(ConfigurationModel.RequestTimeoutSeconds) }));
            Assert.That(byDefault, Is.Empty);
        });
    }

    [Test]
    public void The_longest_allowed_timeout_ends_every_attempt_within_the_lock_and_the_refund_grace_period()
    {
        var policy = TamaraRetryPolicy.Default;
        var longest = TamaraCallBudget.WorstCase(TamaraCallBudget.MaxRequestTimeoutSeconds, policy);
        var oneMore = TamaraCallBudget.WorstCase(TamaraCallBudget.MaxRequestTimeoutSeconds + 1, policy);

        Assert.Multiple(() =>
        {
            Assert.That(longest, Is.LessThan(TamaraInStoreDefaults.OrderLockExpiration));
            Assert.That(longest, Is.LessThan(Nop.Plugin.Payments.TamaraInStore.Services.Refunds.TamaraRefundService.UnconfirmedRefundGracePeriod));
            Assert.That(oneMore, Is.GreaterThanOrEqualTo(TamaraCallBudget.Guard), "the limit is the largest that fits");
            Assert.That(TamaraCallBudget.MaxRequestTimeoutSeconds, Is.GreaterThanOrEqualTo(TamaraInStoreDefaults.DefaultRequestTimeoutSeconds));
            Assert.That(TamaraCallBudget.EffectiveTimeoutSeconds(new TamaraInStoreSettings { RequestTimeoutSeconds = 120 }, policy),
                Is.EqualTo(TamaraCallBudget.MaxRequestTimeoutSeconds), "a value saved earlier is cut to the limit");
        });
    }

    [Test]
    public void Every_text_has_english_and_arabic_and_keys_are_unique()
    {
        var all = TamaraInStoreLocaleResources.All;
        Assert.That(all.Select(r => r.Key).Distinct().Count(), Is.EqualTo(all.Count));
        Assert.That(all.Where(r => string.IsNullOrWhiteSpace(r.English) || string.IsNullOrWhiteSpace(r.Arabic)), Is.Empty);
        Assert.That(all.All(r => r.Key.StartsWith(TamaraInStoreDefaults.LocalePrefix)), Is.True);
    }

    public static TamaraInStoreAdminController Controller(Mock<ISettingService> settingService, TamaraPaymentTypesService paymentTypes = null,
        IStoreContext storeContext = null)
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);

        return new TamaraInStoreAdminController(localization.Object, Mock.Of<ILogger>(), Mock.Of<INopUrlHelper>(),
            Mock.Of<INotificationService>(), settingService.Object, storeContext ?? Mock.Of<IStoreContext>(),
            Mock.Of<IStoreService>(), Mock.Of<ITamaraClient>(), paymentTypes ?? new Mock<TamaraPaymentTypesService>(null, null, null).Object,
            new Nop.Plugin.Payments.TamaraInStore.Services.Webhooks.TamaraWebhookRegistrar(settingService.Object, Mock.Of<ITamaraClient>()));
    }
}
