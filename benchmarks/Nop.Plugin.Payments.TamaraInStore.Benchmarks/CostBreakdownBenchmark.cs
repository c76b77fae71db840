using System.Diagnostics;
using Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>Where the time of one webhook delivery goes, measured piece by piece, sequentially, 1,000 times each</summary>
public static class CostBreakdownBenchmark
{
    private const int Repeats = 1_000;

    public static async Task<List<(string Step, double MsEach)>> RunAsync()
    {
        var tamara = new InstantTamaraClient();
        await using var environment = await EndToEndEnvironment.StartAsync(new EnvironmentOptions { TamaraClient = tamara });
        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var id = Guid.NewGuid().ToString();
            StoreSeeding.AddPendingOrder(environment, id, 300m);
            tamara.Captured(id, 300m);
            ids.Add(id);
        }
        foreach (var id in ids)
            await environment.SyncAsync(id);

        var token = NotificationTokens.Create(environment.StoreSettings.NotificationToken, DateTimeOffset.UtcNow);
        var validator = new TamaraNotificationTokenValidator(TimeProvider.System);
        using var http = new HttpClient();

        return
        [
            ("token check (HS256 + lifetime)", await TimeAsync(_ => Task.FromResult(validator.IsValid(token, environment.StoreSettings.NotificationToken)))),
            ("one session query on the in-memory repository (100 rows)", await TimeAsync(i =>
                Task.FromResult(environment.Sessions.Table.Where(session => session.TamaraOrderId == ids[i % 100]).FirstOrDefault()))),
            ("order sync of a paid order, called directly", await TimeAsync(i => environment.SyncAsync(ids[i % 100]))),
            ("webhook POST over HTTP, one at a time", await TimeAsync(async i =>
            {
                var body = $"{{\"order_id\":\"{ids[i % 100]}\",\"event_type\":\"order_captured\",\"data\":{{}}}}";
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync($"{environment.Plugin.WebhookUrl}?tamaraToken={token}", content);
                return response.StatusCode;
            }))
        ];
    }

    private static async Task<double> TimeAsync<T>(Func<int, Task<T>> step)
    {
        for (var i = 0; i < 50; i++)
            await step(i);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Repeats; i++)
            await step(i);
        return stopwatch.Elapsed.TotalMilliseconds / Repeats;
    }
}
