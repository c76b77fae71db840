using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;
using Npgsql;
using TamaraSimulator;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks.RealHost;

/// <summary>
/// The real nopCommerce of ../shared/nophost as the benchmark sees it: its PostgreSQL database, its Nop.Web process, and
/// pending Tamara orders seeded fast: an order cloned in SQL from one already in the store, its session created at the
/// simulator (in-process, as the plugin's checkout would through the API) and its TamaraSession row inserted
/// </summary>
public sealed class RealHostStore
{
    public const string TaskType = "Nop.Plugin.Payments.TamaraInStore.Services.Sync.TamaraPendingSessionsTask";
    public const int StateDeclined = 30, StatePending = 10;

    private readonly string _connectionString;
    private readonly SimulatorHost _tamara;
    private string _orderColumns;
    private int _sourceOrderId;
    private int _seeded;

    public RealHostStore(RealHostInfo host, SimulatorHost tamara)
    {
        Host = host;
        _connectionString = host.ConnectionString;
        Database = new NopDatabase(host.ConnectionString);
        _tamara = tamara;
    }

    public RealHostInfo Host { get; }

    public NopDatabase Database { get; }

    public Uri WebhookUrl => new(Host.Url, "tamara/in-store/webhook");

    /// <summary>The plugin is active and configured for this simulator (the real-host suite's A journey ran on this store)</summary>
    public async Task<string> WhyNotReadyAsync()
    {
        var active = await Database.SettingAsync("paymentsettings.activepaymentmethodsystemnames") ?? "";
        var baseUrl = (await Database.SettingAsync("tamarainstoresettings.apibaseurloverride") ?? "").TrimEnd('/');
        if (!active.Contains(TamaraInStoreDefaults.SystemName))
            return "the Tamara (in-store) payment method is not active";
        if (baseUrl != _tamara.BaseAddress.ToString().TrimEnd('/'))
            return $"the plugin's API base URL is '{baseUrl}', not this simulator ({_tamara.BaseAddress})";
        return null;
    }

    public void RegisterWebhook() =>
        _tamara.State.RegisterWebhook("order", TamaraInStoreDefaults.WebhookEvents.ToList(), WebhookUrl.ToString());

    public void RemoveWebhooks()
    {
        foreach (var webhook in _tamara.State.Webhooks)
            _tamara.State.DeleteWebhook(webhook.WebhookId);
    }

    /// <summary>
    /// <paramref name="count"/> Pending orders of SAR 500, each with a pending session at Tamara and in the store. Due for the
    /// poller now, or in an hour (so that only a webhook finds them)
    /// </summary>
    public async Task<List<(int OrderId, string TamaraOrderId)>> SeedPendingAsync(int count, bool dueNow)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await PrepareAsync(connection);

        var seeded = new List<(int, string)>();
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _seeded);
            var orderGuid = Guid.NewGuid();
            int orderId;
            await using (var clone = new NpgsqlCommand(
                $"INSERT INTO \"Order\" ({_orderColumns}) SELECT {_orderColumns.Replace("\"OrderGuid\"", "@guid")} FROM \"Order\" WHERE \"Id\" = @source RETURNING \"Id\"", connection))
            {
                clone.Parameters.AddWithValue("source", _sourceOrderId);
                clone.Parameters.AddWithValue("guid", orderGuid);
                orderId = (int)(await clone.ExecuteScalarAsync())!;
            }
            await using (var update = new NpgsqlCommand(
                "UPDATE \"Order\" SET \"CustomOrderNumber\" = @id::text, \"OrderStatusId\" = 10, \"PaymentStatusId\" = 10, " +
                "\"PaymentMethodSystemName\" = @method, \"OrderTotal\" = 500, \"CurrencyRate\" = 1, \"CustomerCurrencyCode\" = 'SAR', " +
                "\"PaidDateUtc\" = NULL, \"RefundedAmount\" = 0, \"Deleted\" = false, \"CreatedOnUtc\" = now() AT TIME ZONE 'utc', " +
                "\"CaptureTransactionId\" = NULL, \"CaptureTransactionResult\" = NULL WHERE \"Id\" = @id", connection))
            {
                update.Parameters.AddWithValue("id", orderId);
                update.Parameters.AddWithValue("method", TamaraInStoreDefaults.SystemName);
                await update.ExecuteNonQueryAsync();
            }

            var phone = $"96655{n:0000000}";
            var created = _tamara.State.CreateSession(new NewSession
            {
                Channel = "SMS",
                Currency = "SAR",
                CountryCode = "SA",
                TotalAmount = 500m,
                PhoneNumber = phone,
                OrderReferenceId = orderGuid.ToString(),
                OrderNumber = orderId.ToString(),
                Items = [new SimOrderItem("Lenovo IdeaCentre", "Physical", "1", "LE_IC_600", 1, new Money(500m, "SAR"), new Money(500m, "SAR"), null, null, null, null)]
            }, _tamara.BaseAddress.ToString());
            var tamaraOrder = created.Value ?? throw new InvalidOperationException($"the simulator refused the session: {created.Error?.Message}");

            await using (var session = new NpgsqlCommand(
                "INSERT INTO \"TamaraSession\" (\"OrderId\", \"OrderGuid\", \"StoreId\", \"CustomerId\", \"CheckoutId\", \"TamaraOrderId\", \"CheckoutDeeplink\", " +
                "\"TamaraStatus\", \"StateId\", \"Amount\", \"CurrencyCode\", \"CapturedAmount\", \"RefundedAmount\", \"PhoneNumber\", \"Email\", \"Locale\", " +
                "\"PaymentType\", \"CreatedOnUtc\", \"ExpiresOnUtc\", \"NextCheckOnUtc\", \"ChannelId\") " +
                "SELECT \"Id\", \"OrderGuid\", \"StoreId\", \"CustomerId\", @checkout, @tamara, '', 'new', 10, 500, 'SAR', 0, 0, @phone, '', 'en_US', " +
                "'PAY_BY_INSTALMENTS', now() AT TIME ZONE 'utc', (now() AT TIME ZONE 'utc') + interval '15 minutes', " +
                "(now() AT TIME ZONE 'utc') + @due, @channel FROM \"Order\" WHERE \"Id\" = @id", connection))
            {
                session.Parameters.AddWithValue("checkout", tamaraOrder.CheckoutId);
                session.Parameters.AddWithValue("tamara", tamaraOrder.OrderId);
                session.Parameters.AddWithValue("phone", phone);
                session.Parameters.AddWithValue("due", dueNow ? TimeSpan.FromMinutes(-1) : TimeSpan.FromHours(1));
                session.Parameters.AddWithValue("id", orderId);
                session.Parameters.AddWithValue("channel", (int)TamaraSessionChannel.Sms);
                await session.ExecuteNonQueryAsync();
            }
            seeded.Add((orderId, tamaraOrder.OrderId));
        }
        return seeded;
    }

    private async Task PrepareAsync(NpgsqlConnection connection)
    {
        if (_orderColumns is not null)
            return;

        await using (var columns = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FROM information_schema.columns " +
            "WHERE table_name = 'Order' AND column_name <> 'Id'", connection))
            _orderColumns = (string)(await columns.ExecuteScalarAsync())!;

        await using var source = new NpgsqlCommand("SELECT min(\"Id\") FROM \"Order\" WHERE NOT \"Deleted\"", connection);
        _sourceOrderId = (int)((await source.ExecuteScalarAsync()) as int? ?? throw new InvalidOperationException("the store has no order to clone"));
    }

    /// <summary>Closes every seeded session still open, so the next measurement starts with none due</summary>
    public Task CloseOpenSessionsAsync() => Database.ExecuteAsync(
        $"UPDATE \"TamaraSession\" SET \"StateId\" = {StateDeclined}, \"NextCheckOnUtc\" = NULL WHERE \"StateId\" = {StatePending} OR \"NextCheckOnUtc\" IS NOT NULL");

    public async Task<int> PaymentStatusAsync(int orderId) =>
        await Database.ScalarAsync<int>("SELECT \"PaymentStatusId\" FROM \"Order\" WHERE \"Id\" = @id", ("id", orderId));

    /// <summary>What the store and the simulator recorded about an order that did not turn Paid: deliveries, session, notes, log</summary>
    public async Task<string> DescribeUnpaidAsync(int orderId, string tamaraOrderId, DateTime sinceUtc)
    {
        var deliveries = _tamara.State.DeliveryAttempts.Where(attempt => attempt.OrderId == tamaraOrderId)
            .Select(attempt => $"{attempt.EventType} #{attempt.Attempt}: {attempt.Outcome} {attempt.StatusCode} {attempt.Error}");
        var session = await Database.ScalarAsync<string>(
            "SELECT concat_ws(' / ', 'state ' || \"StateId\", \"TamaraStatus\", 'order ' || \"OrderId\", 'store ' || \"StoreId\", 'checked ' || \"LastCheckedOnUtc\", " +
            "'next ' || \"NextCheckOnUtc\", \"LastError\", (SELECT concat_ws(' ', 'order row: status', \"OrderStatusId\", \"PaymentStatusId\", \"Deleted\", \"StoreId\", \"OrderGuid\") FROM \"Order\" WHERE \"Id\" = s.\"OrderId\")) FROM \"TamaraSession\" s WHERE \"TamaraOrderId\" = @tamara",
            ("tamara", tamaraOrderId));
        var log = await Database.ScalarAsync<string>(
            "SELECT string_agg(\"ShortMessage\" || coalesce(' :: ' || left(\"FullMessage\", 600), ''), E'\\n' ORDER BY \"Id\") FROM \"Log\" WHERE \"CreatedOnUtc\" >= @since",
            ("since", DateTime.SpecifyKind(sinceUtc.AddSeconds(-1), DateTimeKind.Unspecified)));
        var atTamara = _tamara.State.Orders.FirstOrDefault(order => order.OrderId == tamaraOrderId)?.Status;
        return $"Simulator deliveries: [{string.Join("; ", deliveries)}]; at Tamara: {atTamara}; API calls so far: {_tamara.Faults.ApiCalls}. Session: {session}. " +
            $"Order notes: [{string.Join("; ", await Database.OrderNotesAsync(orderId))}]. Log since: {log}";
    }

    public Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) => Database.ScalarAsync<long>(sql, parameters);

    /// <summary>Committed and rolled-back transactions of the store's database so far (pg_stat_database; statements run in autocommit)</summary>
    public Task<long> TransactionsAsync() => Database.ScalarAsync<long>(
        "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");

    /// <summary>Nop.Web's resident memory (VmRSS), in bytes; 0 when its process is not found</summary>
    public static long NopWebRss()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
                continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!commandLine.Contains("Nop.Web.dll") && !commandLine.Contains("Nop.Web\0"))
                    continue;
                var rss = File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(line => line.StartsWith("VmRSS:"));
                if (rss is not null)
                    return long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return 0;
    }
}
