namespace Nop.Plugin.Payments.TamaraInStore;

public static class TamaraInStoreDefaults
{
    public static string SystemName => "Payments.TamaraInStore";

    public static string SandboxBaseUrl => "https://api-sandbox.tamara.co";

    public static string LiveBaseUrl => "https://api.tamara.co";

    public static string UserAgent => "nopCommerce-TamaraInStore/1.00";

    /// <summary>Name of the typed HTTP client registered with IHttpClientFactory</summary>
    public static string HttpClientName => "TamaraInStore";

    public static string ViewPath(string file) => $"~/Plugins/Payments.TamaraInStore/Views/{file}";

    public static string LocalePrefix => "Plugins.Payments.TamaraInStore.";

    public static int DefaultRequestTimeoutSeconds => 10;

    public static int DefaultPollIntervalSeconds => 10;

    public static int DefaultSessionLifetimeMinutes => 15;

    /// <summary>Tamara may report an expiry a little after the session lifetime; keep polling that long before expiring locally</summary>
    public static TimeSpan ExpiryGracePeriod => TimeSpan.FromMinutes(2);

    public static IReadOnlyList<string> SupportedCurrencies { get; } = ["SAR", "AED", "KWD", "BHD", "OMR", "QAR"];

    public static IReadOnlyList<string> WebhookEvents { get; } =
    [
        "order_approved", "order_declined", "order_authorised", "order_canceled",
        "order_captured", "order_refunded", "order_expired"
    ];

    public static class Routes
    {
        public static string Configure => "Plugin.Payments.TamaraInStore.Configure";
        public static string Webhook => "Plugin.Payments.TamaraInStore.Webhook";
        public static string CheckoutStatus => "Plugin.Payments.TamaraInStore.CheckoutStatus";
    }

    public static class ScheduleTask
    {
        public static string Name => "Tamara in-store: check pending payments";
        public static string Type => "Nop.Plugin.Payments.TamaraInStore.Services.TamaraPendingSessionsTask";
    }

    /// <summary>Resource key of a locked order-sync section; the Tamara order id is appended</summary>
    public static string OrderLockKey => "Nop.plugins.payments.tamarainstore.order.{0}";

    public static TimeSpan OrderLockExpiration => TimeSpan.FromSeconds(30);

    /// <summary>Most pending sessions one run of the scheduled task asks Tamara about</summary>
    public static int PendingSessionsPerRun => 100;

    /// <summary>
    /// A run of the scheduled task starts no new check after this long, so it ends before the task runner's lock
    /// (period - 1 s) lapses; sessions left over come first in the next run
    /// </summary>
    public static TimeSpan PendingSessionsRunBudget => TimeSpan.FromSeconds(8);
}
