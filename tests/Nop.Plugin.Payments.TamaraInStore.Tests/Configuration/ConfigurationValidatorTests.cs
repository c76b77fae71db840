using FluentValidation.Validators;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Validators;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Configuration;

public class ConfigurationValidatorTests
{
    private static ConfigurationValidator Validator()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
        return new ConfigurationValidator(localization.Object);
    }

    /// <summary>The page as a fresh install shows it (TamaraInStorePaymentMethod.InstallAsync's values)</summary>
    private static ConfigurationModel InstallDefaults() => ConfigurationModelMapper.ToModel(new TamaraInStoreSettings
    {
        UseSandbox = true,
        CountryCode = "SA",
        RequestTimeoutSeconds = TamaraInStoreDefaults.DefaultRequestTimeoutSeconds,
        PollIntervalSeconds = TamaraInStoreDefaults.DefaultPollIntervalSeconds,
        SessionLifetimeMinutes = TamaraInStoreDefaults.DefaultSessionLifetimeMinutes,
        OfferOnlyToStaff = true
    });

    private static IEnumerable<string> NumericFields() => typeof(ConfigurationModel).GetProperties()
        .Where(property => property.PropertyType == typeof(int) || property.PropertyType == typeof(decimal))
        .Where(property => property.Name != nameof(ConfigurationModel.ActiveStoreScopeConfiguration))
        .Select(property => property.Name);

    /// <summary>
    /// nopCommerce's FluentValidation client adapters emit data-val-range-min AND data-val-range-max only for a rule with
    /// both bounds; a one-sided constant rule (GreaterThanOrEqualTo(5)) emits data-val-range-min alone, which jQuery
    /// validation then compares as text: "10" &lt; "5", and the page with the default 10 can never be saved.
    /// </summary>
    [TestCaseSource(nameof(NumericFields))]
    public void Every_numeric_field_is_validated_with_both_bounds(string field)
    {
        var validators = Validator().CreateDescriptor().GetValidatorsForMember(field).Select(rule => rule.Validator).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(validators.OfType<IBetweenValidator>(), Is.Not.Empty, $"{field} needs an InclusiveBetween rule");
            Assert.That(validators.OfType<IComparisonValidator>().Where(comparison => comparison.ValueToCompare is not null), Is.Empty,
                $"{field} has a one-sided constant bound, which the browser compares as text");
        });
    }

    [Test]
    public void The_values_of_a_fresh_install_are_valid()
    {
        var result = Validator().Validate(InstallDefaults());

        Assert.That(result.Errors.Select(error => $"{error.PropertyName}: {error.ErrorMessage}"), Is.Empty);
    }

    [TestCase("http://simulator.local:5077", false)]
    [TestCase("http://192.168.1.20:5077", false)]
    [TestCase("http://127.0.0.1:5077", true)]
    [TestCase("https://tamara-proxy.example", true)]
    [TestCase("", true)]
    public void The_base_url_override_is_https_or_loopback_http(string url, bool valid)
    {
        var model = InstallDefaults();
        model.ApiBaseUrlOverride = url;

        var errors = Validator().Validate(model).Errors;

        Assert.That(errors.Select(error => error.PropertyName), valid ? Is.Empty : Is.EqualTo(new[] { nameof(ConfigurationModel.ApiBaseUrlOverride) }));
    }

    [TestCase(nameof(ConfigurationModel.PollIntervalSeconds), 4, false)]
    [TestCase(nameof(ConfigurationModel.PollIntervalSeconds), 5, true)]
    [TestCase(nameof(ConfigurationModel.PollIntervalSeconds), 300, true)]
    [TestCase(nameof(ConfigurationModel.PollIntervalSeconds), 301, false)]
    [TestCase(nameof(ConfigurationModel.PollConcurrency), 0, false)]
    [TestCase(nameof(ConfigurationModel.PollConcurrency), 1, true)]
    [TestCase(nameof(ConfigurationModel.PollConcurrency), 256, true)]
    [TestCase(nameof(ConfigurationModel.PollConcurrency), 257, false)]
    [TestCase(nameof(ConfigurationModel.MaxLinksPerPhone), 0, false)]
    [TestCase(nameof(ConfigurationModel.MaxLinksPerPhone), 1, true)]
    [TestCase(nameof(ConfigurationModel.MaxLinksPerPhone), 101, false)]
    [TestCase(nameof(ConfigurationModel.LinksPerPhoneWindowMinutes), 0, false)]
    [TestCase(nameof(ConfigurationModel.LinksPerPhoneWindowMinutes), 1440, true)]
    [TestCase(nameof(ConfigurationModel.LinksPerPhoneWindowMinutes), 1441, false)]
    [TestCase(nameof(ConfigurationModel.ReconciliationDays), 0, false)]
    [TestCase(nameof(ConfigurationModel.ReconciliationDays), 1, true)]
    [TestCase(nameof(ConfigurationModel.ReconciliationDays), 90, true)]
    [TestCase(nameof(ConfigurationModel.ReconciliationDays), 91, false)]
    public void Numbers_outside_their_range_are_refused(string field, int value, bool valid)
    {
        var model = InstallDefaults();
        typeof(ConfigurationModel).GetProperty(field)!.SetValue(model, value);

        var errors = Validator().Validate(model).Errors.Select(error => error.PropertyName);

        Assert.That(errors, valid ? Is.Empty : Is.EqualTo(new[] { field }));
    }

    [TestCase("POS-7", true)]
    [TestCase("store1.till:2_a", true)]
    [TestCase("", true)]
    [TestCase("till 2", false)]
    [TestCase("till/2", false)]
    public void The_device_id_is_short_and_plain(string deviceId, bool valid)
    {
        var model = InstallDefaults();
        model.DeviceId = deviceId;

        var errors = Validator().Validate(model).Errors.Select(error => error.PropertyName);

        Assert.That(errors, valid ? Is.Empty : Is.EqualTo(new[] { nameof(ConfigurationModel.DeviceId) }));
    }

    [TestCase("NOPCOMMERCE_POS_QR", true)]
    [TestCase("acme.pos-qr_2", true)]
    [TestCase("", false)]
    [TestCase("   ", false)]
    [TestCase("NOP POS", false)]
    [TestCase("NOP/POS", false)]
    public void The_qr_platform_is_required_short_and_plain(string platform, bool valid)
    {
        var model = InstallDefaults();
        model.QrPlatform = platform;

        var errors = Validator().Validate(model).Errors.Select(error => error.PropertyName);

        Assert.That(errors, valid ? Is.Empty : Is.EqualTo(new[] { nameof(ConfigurationModel.QrPlatform) }));
    }

    [Test]
    public void A_qr_platform_longer_than_the_limit_is_refused()
    {
        var model = InstallDefaults();
        model.QrPlatform = new string('P', TamaraInStoreDefaults.QrPlatformMaxLength + 1);

        Assert.That(Validator().Validate(model).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { nameof(ConfigurationModel.QrPlatform) }));
    }

    [Test]
    public void The_qr_platform_of_settings_saved_before_it_existed_shows_the_default_and_is_saved_trimmed()
    {
        var settings = new TamaraInStoreSettings();
        var shown = ConfigurationModelMapper.ToModel(settings).QrPlatform;
        var model = InstallDefaults();
        model.QrPlatform = " ACME_POS_QR ";

        ConfigurationModelMapper.ApplyTo(model, settings);

        Assert.That((shown, settings.QrPlatform), Is.EqualTo(("NOPCOMMERCE_POS_QR", "ACME_POS_QR")));
    }

    [Test]
    public void A_device_id_longer_than_its_column_is_refused()
    {
        var model = InstallDefaults();
        model.DeviceId = new string('7', TamaraInStoreDefaults.DeviceIdMaxLength + 1);

        Assert.That(Validator().Validate(model).Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { nameof(ConfigurationModel.DeviceId) }));
    }

    [Test]
    public void The_device_id_is_saved_trimmed_and_a_blank_one_turns_qr_checkout_off()
    {
        var settings = new TamaraInStoreSettings();
        var model = InstallDefaults();

        model.DeviceId = " POS-7 ";
        ConfigurationModelMapper.ApplyTo(model, settings);
        var saved = settings.DeviceId;
        var shown = ConfigurationModelMapper.ToModel(settings).DeviceId;
        model.DeviceId = "  ";
        ConfigurationModelMapper.ApplyTo(model, settings);

        Assert.That((saved, shown, settings.DeviceId), Is.EqualTo(("POS-7", "POS-7", (string)null)));
    }

    [Test]
    public void The_reconciliation_window_of_settings_saved_before_it_existed_is_the_default()
    {
        var model = ConfigurationModelMapper.ToModel(new TamaraInStoreSettings());

        Assert.That(model.ReconciliationDays, Is.EqualTo(7));
    }

    [Test]
    public void The_link_limit_of_settings_saved_before_it_existed_is_the_default()
    {
        var model = ConfigurationModelMapper.ToModel(new TamaraInStoreSettings());

        Assert.That((model.MaxLinksPerPhone, model.LinksPerPhoneWindowMinutes), Is.EqualTo((3, 15)));
    }

    [Test]
    public void The_poll_concurrency_of_settings_saved_before_it_existed_is_the_default()
    {
        var model = ConfigurationModelMapper.ToModel(new TamaraInStoreSettings());

        Assert.That(model.PollConcurrency, Is.EqualTo(32));
    }
}
