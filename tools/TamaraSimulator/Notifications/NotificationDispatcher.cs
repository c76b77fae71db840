using System.Text;
using System.Threading.Channels;

namespace TamaraSimulator;

/// <summary>
/// Delivers notifications to registered webhooks from a background queue (never inline in an API call),
/// one at a time in the order raised; failed attempts are retried later with exponential backoff.
/// </summary>
internal sealed class NotificationDispatcher : BackgroundService
{
    private readonly Channel<DeliveryJob> _queue = Channel.CreateUnbounded<DeliveryJob>();
    private readonly SimulatorState _state;
    private readonly FaultInjector _faults;
    private readonly SimulatorOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<NotificationDispatcher> _logger;
    private CancellationToken _stopping;

    public NotificationDispatcher(SimulatorState state, FaultInjector faults, SimulatorOptions options,
        ILogger<NotificationDispatcher> logger)
    {
        _state = state;
        _faults = faults;
        _options = options;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromMilliseconds(Math.Max(1, options.NotificationTimeoutMs)),
        };
        state.NotificationSink = Enqueue;
    }

    /// <summary>Called with each batch of raised notifications (under the state lock, so batches stay in order).</summary>
    private void Enqueue(IReadOnlyList<OrderNotification> batch)
    {
        var faults = _faults.Current;
        var ordered = faults.OutOfOrderNotifications ? batch.Reverse().ToList() : batch.ToList();
        var webhooks = _state.Webhooks;
        var generation = _state.Generation;
        foreach (var notification in ordered)
        {
            foreach (var webhook in webhooks.Where(w => w.Events.Contains(notification.EventType)))
            {
                var copies = faults.DuplicateNotifications ? 2 : 1;
                for (var i = 0; i < copies; i++)
                {
                    _queue.Writer.TryWrite(new DeliveryJob(Guid.NewGuid().ToString(), notification, webhook, 1, generation));
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(DeliveryJob job, CancellationToken ct)
    {
        if (job.Generation != _state.Generation)
        {
            return;
        }

        var now = _options.TimeProvider.GetUtcNow();
        var token = NotificationTokenSigner.Create(_options.NotificationToken, now,
            TimeSpan.FromMinutes(_options.NotificationTokenLifetimeMinutes));

        if (job.Attempt <= _faults.Current.DropNotificationAttempts)
        {
            Record(job, DeliveryOutcomes.Dropped, null, "dropped by fault injection", token);
            ScheduleRetry(job);
            return;
        }

        int? status = null;
        string? error = null;
        try
        {
            using var request = BuildRequest(job, token);
            using var response = await _http.SendAsync(request, ct);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                Record(job, DeliveryOutcomes.Delivered, status, null, token);
                return;
            }

            error = $"receiver answered {status}";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            error = ex.Message;
        }

        Record(job, DeliveryOutcomes.Failed, status, error, token);
        ScheduleRetry(job);
    }

    private HttpRequestMessage BuildRequest(DeliveryJob job, string token)
    {
        var separator = job.Webhook.Url.Contains('?') ? "&" : "?";
        var url = job.Webhook.Url + separator + "tamaraToken=" + Uri.EscapeDataString(token);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(job.Notification.PayloadJson, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in job.Webhook.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return request;
    }

    private void ScheduleRetry(DeliveryJob job)
    {
        if (job.Attempt >= Math.Max(1, _options.NotificationMaxAttempts))
        {
            Record(job, DeliveryOutcomes.GaveUp, null, $"gave up after {job.Attempt} attempts", "");
            return;
        }

        var delayMs = _options.NotificationRetryInitialDelayMs *
                      Math.Pow(Math.Max(1.0, _options.NotificationRetryBackoffFactor), job.Attempt - 1);
        var next = job with { Attempt = job.Attempt + 1 };
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delayMs), _stopping);
                _queue.Writer.TryWrite(next);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private void Record(DeliveryJob job, string outcome, int? status, string? error, string token)
    {
        _state.RecordDelivery(new NotificationDeliveryAttempt(job.DeliveryId, job.Notification.NotificationId,
            job.Webhook.WebhookId, job.Webhook.Url, job.Notification.OrderId, job.Notification.EventType,
            job.Attempt, outcome, status, error, token, _options.TimeProvider.GetUtcNow()), job.Generation);
        if (outcome != DeliveryOutcomes.Delivered)
        {
            _logger.LogInformation("Notification {EventType} for {OrderId} to {Url}: {Outcome} (attempt {Attempt}) {Error}",
                job.Notification.EventType, job.Notification.OrderId, job.Webhook.Url, outcome, job.Attempt, error);
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private sealed record DeliveryJob(
        string DeliveryId,
        OrderNotification Notification,
        WebhookRegistration Webhook,
        int Attempt,
        int Generation);
}
