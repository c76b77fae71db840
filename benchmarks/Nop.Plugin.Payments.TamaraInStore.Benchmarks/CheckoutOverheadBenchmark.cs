using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>
/// ProcessPaymentAsync with Tamara answering instantly in-process: the plugin's own work at "Confirm" (settings, currency,
/// cart lines, request building and validation, storing the session), without Tamara's round trip.
/// </summary>
public static class CheckoutOverheadBenchmark
{
    public static async Task<List<double>> RunAsync(int iterations)
    {
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions { TamaraClient = new InstantTamaraClient() });
        // one phone for every call; the table is emptied every 100 calls, so the link limit per phone never refuses one
        environment.StoreSettings.MaxLinksPerPhone = TamaraInStoreDefaults.MaxLinksPerPhoneLimit;
        var timings = new List<double>();
        const int warmUp = 200;

        for (var i = 0; i < warmUp + iterations; i++)
        {
            // a real database looks a session up by index; the in-memory table is scanned, so keep it small
            if (i % 100 == 0)
                await environment.Sessions.TruncateAsync();

            var request = await environment.Counter.FillPaymentInfoAsync(300m + i % 50);
            // another customer each time: a customer's earlier unplaced link would be voided first, which is not measured here
            request.CustomerId = 1000 + i;
            using var scope = environment.Plugin.CreateScope();
            var checkout = scope.ServiceProvider.GetRequiredService<TamaraCheckoutService>();

            var stopwatch = Stopwatch.StartNew();
            var result = await checkout.ProcessPaymentAsync(request);
            stopwatch.Stop();

            if (!result.Success)
                throw new InvalidOperationException("checkout failed: " + string.Join("; ", result.Errors));
            if (i >= warmUp)
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        return timings;
    }
}
