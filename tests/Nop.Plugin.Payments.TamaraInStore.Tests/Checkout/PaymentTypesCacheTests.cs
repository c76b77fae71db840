using System.Net;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Tests.Configuration;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

public class PaymentTypesCacheTests
{
    private FakeTimeProvider _time;
    private InMemoryStaticCache _cache;
    private Mock<ITamaraClient> _client;
    private TamaraPaymentTypesService _service;

    private static readonly List<TamaraPaymentType> Instalments =
        [new TamaraPaymentType { Name = "PAY_BY_INSTALMENTS", MinLimit = new TamaraMoney(100, "SAR"), MaxLimit = new TamaraMoney(5000, "SAR") }];

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        _cache = new InMemoryStaticCache(_time);
        _client = new Mock<ITamaraClient>();
        _service = new TamaraPaymentTypesService(Mock.Of<ILogger>(), _cache, _client.Object);
    }

    private static TamaraInStoreSettings Settings(string token = "token-a", string baseUrl = null) =>
        new() { ApiToken = token, ApiBaseUrlOverride = baseUrl, CountryCode = "SA", UseSandbox = true };

    private void TamaraAnswers(IList<TamaraPaymentType> types) =>
        _client.Setup(c => c.GetPaymentTypesAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<decimal?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(types);

    private void VerifyAsked(Times times) =>
        _client.Verify(c => c.GetPaymentTypesAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<decimal?>(), It.IsAny<CancellationToken>()), times);

    [Test]
    public async Task An_answer_is_kept_for_the_same_store_token_and_address()
    {
        TamaraAnswers(Instalments);

        await _service.GetPaymentTypesAsync(Settings(), 1, "SAR");
        var second = await _service.GetPaymentTypesAsync(Settings(), 1, "SAR");

        Assert.That(second.Single().Name, Is.EqualTo("PAY_BY_INSTALMENTS"));
        VerifyAsked(Times.Once());
    }

    [Test]
    public async Task Another_token_or_base_url_asks_tamara_again()
    {
        TamaraAnswers(Instalments);

        await _service.GetPaymentTypesAsync(Settings(), 1, "SAR");
        await _service.GetPaymentTypesAsync(Settings(token: "token-b"), 1, "SAR");
        await _service.GetPaymentTypesAsync(Settings(baseUrl: "http://127.0.0.1:5077"), 1, "SAR");

        VerifyAsked(Times.Exactly(3));
        Assert.That(string.Join(" ", _cache.Keys), Does.Not.Contain("token-"), "the token never goes into a cache key");
    }

    [Test]
    public async Task An_empty_answer_falls_back_to_the_configured_limits_and_is_not_kept_for_an_hour()
    {
        TamaraAnswers(new List<TamaraPaymentType>());

        Assert.That(await _service.GetPaymentTypesAsync(Settings(), 1, "SAR"), Is.Null);

        TamaraAnswers(Instalments);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await _service.GetPaymentTypesAsync(Settings(), 1, "SAR"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_failed_answer_falls_back_to_the_configured_limits_and_tamara_is_asked_again_a_minute_later()
    {
        _client.Setup(c => c.GetPaymentTypesAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<decimal?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("unavailable", HttpStatusCode.ServiceUnavailable, "GET /checkout/payment-types", isTransient: true));

        Assert.That(await _service.GetPaymentTypesAsync(Settings(), 1, "SAR"), Is.Null);
        Assert.That(await _service.GetPaymentTypesAsync(Settings(), 1, "SAR"), Is.Null);
        VerifyAsked(Times.Once());

        TamaraAnswers(Instalments);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await _service.GetPaymentTypesAsync(Settings(), 1, "SAR"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Tamara_is_shown_with_the_configured_limits_when_tamara_lists_no_payment_type()
    {
        TamaraAnswers(new List<TamaraPaymentType>());
        var fixture = new CheckoutFixture();
        fixture.PaymentTypes = await _service.GetPaymentTypesAsync(fixture.Settings, 1, "SAR");

        Assert.That(await fixture.Create().HidePaymentMethodAsync([new Nop.Core.Domain.Orders.ShoppingCartItem { ProductId = 11, Quantity = 1 }]), Is.False);
    }

    [Test]
    public async Task Saving_the_settings_forgets_the_answers()
    {
        TamaraAnswers(Instalments);
        await _service.GetPaymentTypesAsync(Settings(), 1, "SAR");
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(Settings());

        await ConfigurationTests.Controller(settingService, _service).Configure(ConfigurationModelMapper.ToModel(Settings()));
        await _service.GetPaymentTypesAsync(Settings(), 1, "SAR");

        VerifyAsked(Times.Exactly(2));
    }
}
