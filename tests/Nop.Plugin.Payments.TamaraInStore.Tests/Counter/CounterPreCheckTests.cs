using Moq;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Counter;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CounterPreCheckTests
{
    private readonly TamaraInStoreSettings _settings = new() { ApiToken = "t", CountryCode = "SA" };

    private static TamaraCounterPreCheck Create(Mock<ITamaraClient> client) => new(new Mock<ILogger>().Object, client.Object);

    [Test]
    public async Task A_customer_with_plans_gets_them_and_the_request_carries_country_amount_and_phone()
    {
        var client = new Mock<ITamaraClient>();
        PaymentOptionsPreCheckRequest sent = null;
        client.Setup(c => c.PaymentOptionsPreCheckAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<PaymentOptionsPreCheckRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, PaymentOptionsPreCheckRequest request, CancellationToken _) => sent = request)
            .ReturnsAsync(new PaymentOptionsPreCheckResponse
            {
                HasAvailablePaymentOptions = true,
                AvailablePaymentLabels = [new TamaraPaymentLabel { PaymentType = "PAY_BY_INSTALMENTS", Instalment = 4, DescriptionEn = "Split in 4", DescriptionAr = "على 4" }]
            });

        var result = await Create(client).CheckAsync(_settings, "966501234567", 460.555m, "SAR");

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterPreCheckOutcome.Offered));
        Assert.That(result.Plans.Single().Describe(arabic: true), Is.EqualTo("على 4"));
        Assert.That(sent.Country, Is.EqualTo("SA"));
        Assert.That(sent.OrderValue.Amount, Is.EqualTo(460.56m));
        Assert.That(sent.PhoneNumber, Is.EqualTo("966501234567"));
    }

    [Test]
    public async Task No_plan_refuses_the_sale()
    {
        var client = new Mock<ITamaraClient>();
        client.Setup(c => c.PaymentOptionsPreCheckAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<PaymentOptionsPreCheckRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PaymentOptionsPreCheckResponse { HasAvailablePaymentOptions = false });

        var result = await Create(client).CheckAsync(_settings, "966501234567", 50m, "SAR");

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterPreCheckOutcome.Refused));
        Assert.That(result.MaySend, Is.False);
    }

    [Test]
    public async Task Tamara_hanging_even_while_ignoring_the_token_skips_the_check()
    {
        var client = new Mock<ITamaraClient>();
        var never = new TaskCompletionSource<PaymentOptionsPreCheckResponse>();
        client.Setup(c => c.PaymentOptionsPreCheckAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<PaymentOptionsPreCheckRequest>(), It.IsAny<CancellationToken>()))
            .Returns(never.Task);

        var result = await Create(client).CheckAsync(_settings, "966501234567", 500m, "SAR");

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterPreCheckOutcome.Skipped));
        Assert.That(result.MaySend, Is.True);
    }

    [Test]
    public async Task Tamara_failing_skips_the_check()
    {
        var client = new Mock<ITamaraClient>();
        client.Setup(c => c.PaymentOptionsPreCheckAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<PaymentOptionsPreCheckRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException("Tamara answered 503", System.Net.HttpStatusCode.ServiceUnavailable, "POST /checkout/payment-options-pre-check"));

        var result = await Create(client).CheckAsync(_settings, "966501234567", 500m, "SAR");

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterPreCheckOutcome.Skipped));
    }
}
