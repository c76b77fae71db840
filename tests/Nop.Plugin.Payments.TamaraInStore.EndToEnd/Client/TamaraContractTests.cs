using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Client;

/// <summary>
/// Every request the plugin can build, sent by its own client and builders (through checkout, refunds and the sync where the
/// plugin builds the request itself) to the simulator, which holds each to Tamara's reference schema: each must be accepted.
/// A new kind of request is one more <see cref="ContractCase"/> in <see cref="Cases"/>.
/// </summary>
public class TamaraContractTests : EndToEndTest
{
    /// <param name="Send">Sends the request(s) and checks the plugin saw success</param>
    public sealed record ContractCase(string Name, Func<EndToEndEnvironment, Task> Send)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<TestCaseData> Cases() => new ContractCase[]
    {
        new("SMS session with the store code, from checkout", async env => await PlaceSmsAsync(env)),
        new("SMS session without a store code, from checkout", async env =>
        {
            env.StoreSettings.StoreCode = null;
            await PlaceSmsAsync(env);
        }),
        new("SMS session with long names and SKUs, shipping, fees and discounts", env => SendSmsAsync(env, Input("SAR", 1m, 1234.56m,
            [
                new TamaraOrderLine(new string('N', 300), new string('S', 200), "line-1", true, 2, 300.333m, 10m, 39.13m, 590.67m),
                new TamaraOrderLine("Gift card", null, "line-2", false, 1, 500m, 0m, 0m, 500m)
            ], shipping: 25.5m))),
        new("SMS session with an order discount spread over the lines", env => SendSmsAsync(env, Input("SAR", 1m, 250m,
            [
                new TamaraOrderLine("Espresso machine", "ESP-1", "line-1", true, 1, 200m, 0m, 26.09m, 200m),
                new TamaraOrderLine("Grinder", "GR-1", "line-2", true, 1, 100m, 0m, 13.04m, 100m)
            ], shipping: 10m))),
        new("SMS session in Kuwaiti dinars (three decimals, converted)", env => SendSmsAsync(env, Input("KWD", 0.0821m, 102.456m,
            [new TamaraOrderLine("Espresso machine", "ESP-1", "line-1", true, 3, 415.99m, 0m, 0m, 1247.97m)], shipping: 0m, phone: "96550012345"))),
        new("SMS session in dirhams with the English locale and pay now", env =>
        {
            var input = Input("AED", 1m, 300m, [new TamaraOrderLine("Kettle", "K-1", "line-1", true, 1, 300m, 0m, 0m, 300m)], shipping: 0m,
                phone: "971501234567");
            input.Locale = TamaraInStoreDefaults.Locales.English;
            input.PaymentType = TamaraInStoreDefaults.PaymentTypes.PayNow;
            return SendSmsAsync(env, input);
        }),
        new("QR session, from checkout", async env =>
        {
            env.StoreSettings.DeviceId = "123456";
            await env.Counter.PlaceQrOrderAsync(300m, "123456");
        }),
        new("QR session without a store code, a platform the merchant set", async env =>
        {
            env.StoreSettings.StoreCode = null;
            env.StoreSettings.QrPlatform = "ACME_POS_QR";
            var input = Input("SAR", 1m, 300m, [], shipping: 0m);
            input.StoreCode = null;
            input.QrPlatform = env.StoreSettings.QrPlatform;
            var created = await env.Client.CreateInStoreQrSessionAsync(env.StoreSettings, "POS-7", new TamaraSessionRequestBuilder().BuildQr(input));
            Assert.That(env.Simulator.State.FindOrder(created.OrderId)!.Platform, Is.EqualTo("ACME_POS_QR"));
        }),
        new("Full and partial refunds, from the order page", async env =>
        {
            var (orderId, tamaraOrderId) = await PaidOrderAsync(env);
            var partial = await env.RefundAsync(orderId, 100.25m);
            var rest = await env.RefundAsync(orderId, 199.75m);
            Assert.That((partial.Success, rest.Success), Is.EqualTo((true, true)), string.Join("; ", partial.Errors.Concat(rest.Errors)));
            Assert.That(env.Simulator.State.FindOrder(tamaraOrderId)!.RefundedAmount, Is.EqualTo(300m));
        }),
        new("Void of an open session, from the order page", async env =>
        {
            var (orderId, _) = await env.Counter.PlaceOrderAsync(300m);
            var voided = await env.VoidAsync(orderId);
            Assert.That(voided.Succeeded, Is.True, voided.Error);
        }),
        new("Reference update to the order number, after the order is placed", async env =>
        {
            env.StoreSettings.UpdateOrderReferenceId = true;
            var (orderId, tamaraOrderId) = await env.Counter.PlaceOrderAsync(300m);
            Assert.That(env.Simulator.State.FindOrder(tamaraOrderId)!.OrderReferenceId, Is.EqualTo(env.Order(orderId).CustomOrderNumber));
        }),
        new("Order and dispute webhooks registered, read, repaired in place, listed and deleted", async env =>
        {
            await env.RegisterWebhookAsync();
            using var scope = env.Plugin.CreateScope();
            var registrar = scope.ServiceProvider.GetRequiredService<TamaraWebhookRegistrar>();
            var health = await registrar.CheckAsync(env.StoreSettings, env.Plugin.WebhookUrl.ToString());
            await registrar.RepairAsync(env.StoreSettings, StoreSettings.StoreId, env.Plugin.WebhookUrl.ToString());
            var listed = await env.Client.GetWebhooksAsync(env.StoreSettings);
            foreach (var webhook in listed)
                await env.Client.DeleteWebhookAsync(env.StoreSettings, webhook.WebhookId);

            Assert.That(health, Has.Count.EqualTo(2));
            Assert.That(listed.Select(webhook => webhook.Type), Is.EquivalentTo(new[] { "order", "dispute" }));
            Assert.That(env.Simulator.State.Webhooks, Is.Empty);
        }),
        new("ID-verification status of a customer", async env =>
        {
            var phone = env.Plugin.Services.GetRequiredService<TamaraPhoneNumberService>().Normalize(Counter.DefaultPhone, env.StoreSettings.CountryCode);
            await env.Client.IsCustomerIdVerifiedAsync(env.StoreSettings, phone, env.StoreSettings.CountryCode);
        }),
        new("Order reads by id and by reference, from the sync", async env =>
        {
            var (orderId, tamaraOrderId) = await env.Counter.PlaceOrderAsync(300m);
            env.Simulator.State.Pay(tamaraOrderId);
            await env.SyncAsync(tamaraOrderId);
            Assert.That(env.IsPaid(orderId), Is.True);
            var byReference = await env.Client.GetOrderByReferenceIdAsync(env.StoreSettings, env.Simulator.State.FindOrder(tamaraOrderId)!.OrderReferenceId);
            Assert.That(byReference.OrderId, Is.EqualTo(tamaraOrderId));
        }),
        new("Payment types for the store's country", async env =>
            await env.Client.GetPaymentTypesAsync(env.StoreSettings, env.StoreSettings.CountryCode, "SAR", 300m)),
        new("Payment options pre-check at the counter", async env =>
        {
            var phone = env.Plugin.Services.GetRequiredService<TamaraPhoneNumberService>().Normalize(Counter.DefaultPhone, env.StoreSettings.CountryCode);
            using var scope = env.Plugin.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TamaraCounterPreCheck>().CheckAsync(env.StoreSettings, phone, 300m, "SAR");
            // the counter waits at most a second for it; on a busy machine its answer may come later, and is checked all the same
            Assert.That(await EndToEndEnvironment.EventuallyAsync(() => env.TamaraHttpCalls.Answers.Any(answer => answer.Request.Contains("pre-check"))),
                Is.True);
        }),
        new("Disputes of an order", async env =>
        {
            var (_, tamaraOrderId) = await PaidOrderAsync(env);
            await env.Client.GetDisputesAsync(env.StoreSettings, tamaraOrderId);
        }),
    }.Select(contract => new TestCaseData(contract).SetArgDisplayNames(contract.Name));

    [TestCaseSource(nameof(Cases))]
    public async Task Tamara_accepts_the_request(ContractCase contract)
    {
        await contract.Send(Env);

        Assert.That(Env.TamaraHttpCalls.Answers, Is.Not.Empty, "the case reached Tamara");
        Assert.That(Env.TamaraHttpCalls.Answers.Where(answer => answer.Status >= 400).Select(answer => $"{answer.Request}: {answer.Status}"),
            Is.Empty, "Tamara refused a request the plugin built");
    }

    private static async Task PlaceSmsAsync(EndToEndEnvironment env)
    {
        var (_, result) = await env.Counter.ConfirmAsync(450m);
        Assert.That(result.Success, Is.True, string.Join("; ", result.Errors));
    }

    private static async Task SendSmsAsync(EndToEndEnvironment env, TamaraSessionRequestInput input)
    {
        var created = await env.Client.CreateInStoreSessionAsync(env.StoreSettings, new TamaraSessionRequestBuilder().Build(input));
        Assert.That(created.OrderId, Is.Not.Empty);
    }

    private static async Task<(int OrderId, string TamaraOrderId)> PaidOrderAsync(EndToEndEnvironment env)
    {
        var placed = await env.Counter.PlaceOrderAsync(300m);
        env.Simulator.State.Pay(placed.TamaraOrderId);
        await env.SyncAsync(placed.TamaraOrderId);
        Assert.That(env.IsPaid(placed.OrderId), Is.True, "paid before refunding");
        return placed;
    }

    private static TamaraSessionRequestInput Input(string currency, decimal rate, decimal total, TamaraOrderLine[] lines, decimal shipping,
        string phone = "966534274516") => new()
    {
        Amounts = new TamaraOrderAmounts(lines, shipping),
        CurrencyRate = rate,
        CurrencyCode = currency,
        TotalAmount = total,
        PhoneNumber = phone,
        Email = "customer@example.com",
        Locale = TamaraInStoreDefaults.Locales.Arabic,
        PaymentType = TamaraInStoreDefaults.PaymentTypes.PayByInstalments,
        OrderReferenceId = "ORD-" + Guid.NewGuid().ToString("N")[..10],
        OrderNumber = "1001",
        StoreCode = "riyadh-01",
        ExpiryMinutes = 15,
        AdjustmentName = "Fees, discounts and rounding"
    };
}
