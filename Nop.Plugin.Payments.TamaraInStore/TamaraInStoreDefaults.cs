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
        public static string IdVerification => "Plugin.Payments.TamaraInStore.IdVerification";
    }

    /// <summary>The currency Tamara accepts for each merchant country</summary>
    public static IReadOnlyDictionary<string, string> CountryCurrencies { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["SA"] = "SAR",
        ["AE"] = "AED",
        ["KW"] = "KWD",
        ["BH"] = "BHD",
        ["OM"] = "OMR",
        ["QA"] = "QAR"
    };

    /// <summary>Countries for which Tamara answers the ID-verification status call</summary>
    public static IReadOnlyList<string> IdVerificationCountries { get; } = ["SA", "AE"];

    public static class PaymentTypes
    {
        public static string PayByInstalments => "PAY_BY_INSTALMENTS";
        public static string PayNow => "PAY_NOW";
    }

    public static class Locales
    {
        public static string Arabic => "ar_SA";
        public static string English => "en_US";
    }

    /// <summary>
    /// Names of the values the payment-info step hands to ProcessPaymentAsync in ProcessPaymentRequest.CustomValues;
    /// they are also what staff read on the admin order page
    /// </summary>
    public static class CustomValueNames
    {
        public static string PhoneNumber => "Tamara phone number";
        public static string Email => "Tamara e-mail";
        public static string Locale => "Tamara language";
        public static string PaymentType => "Tamara payment type";
    }

    /// <summary>Payment types and limits per store and currency ({0} store id, {1} currency)</summary>
    public static string PaymentTypesCacheKey => "Nop.plugins.payments.tamarainstore.paymenttypes.{0}-{1}";

    /// <summary>Set for a minute after Tamara could not be reached, so checkout pages do not wait on it again and again</summary>
    public static string PaymentTypesUnavailableCacheKey => "Nop.plugins.payments.tamarainstore.paymenttypes.unavailable.{0}-{1}";

    public static int PaymentTypesCacheMinutes => 60;

    public static int MinPollIntervalSeconds => 5;

    /// <summary>
    /// How far ahead of now the poller takes sessions as due: half the shortest interval, so a session checked early in the
    /// previous run is checked again in this one, while a backed-off session (two intervals or more) still waits
    /// </summary>
    public static TimeSpan PollDueSlack => TimeSpan.FromSeconds(MinPollIntervalSeconds / 2.0);

    public static int MinSessionLifetimeMinutes => 5;

    public static int MaxSessionLifetimeMinutes => 1440;

    /// <summary>Name of the extra line that makes the items add up to the order total</summary>
    public static string AdjustmentReferenceId => "adjustment";

    public static class ScheduleTask
    {
        public static string Name => "Tamara in-store: check pending payments";
        public static string Type => "Nop.Plugin.Payments.TamaraInStore.Services.TamaraPendingSessionsTask";
    }

    /// <summary>Resource key of a locked order-sync section; the Tamara order id is appended</summary>
    public static string OrderLockKey => "Nop.plugins.payments.tamarainstore.order.{0}";

    /// <summary>Long enough for the slowest Tamara call the settings allow (see TamaraCallBudget)</summary>
    public static TimeSpan OrderLockExpiration => TimeSpan.FromMinutes(2);

    /// <summary>Most pending sessions one run of the scheduled task asks Tamara about</summary>
    public static int PendingSessionsPerRun => 100;

    /// <summary>
    /// A run of the scheduled task starts no new check after this long, so it ends before the task runner's lock
    /// (period - 1 s) lapses; sessions left over come first in the next run
    /// </summary>
    public static TimeSpan PendingSessionsRunBudget => TimeSpan.FromSeconds(8);
}
