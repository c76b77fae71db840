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

    public static int MinRequestTimeoutSeconds => 1;


    /// <summary>Most payment links (new Tamara sessions) one phone number receives within the window</summary>
    public static int DefaultMaxLinksPerPhone => 3;

    public static int DefaultLinksPerPhoneWindowMinutes => 15;

    public static int MaxLinksPerPhoneLimit => 100;

    public static int MaxLinksPerPhoneWindowMinutes => 1440;

    /// <summary>Upper bound of the configurable order-total limits: a sanity bound, so the page validates both ends</summary>
    public static decimal MaxOrderTotalLimit => 1_000_000_000m;

    /// <summary>Tamara may report an expiry a little after the session lifetime; keep polling that long before expiring locally</summary>
    public static TimeSpan ExpiryGracePeriod => TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long Tamara keeps an in-store link payable: it ignores the request's expiry_time unless enabled for the merchant,
    /// so a link may stay payable after the plugin's own (shorter) session lifetime
    /// </summary>
    public static TimeSpan TamaraSessionLifetime => TimeSpan.FromMinutes(15);

    /// <summary>A session closed here without Tamara's final word is checked until Tamara's own expiry plus this margin</summary>
    public static TimeSpan LateCheckMargin => TimeSpan.FromMinutes(5);

    /// <summary>How often such a session is checked (slower than the pending ones)</summary>
    public static TimeSpan LateCheckInterval => TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a session may stay without a nopCommerce order before its link is voided: the order is saved right after
    /// the session is created, and a clerk retrying "Confirm" soon reuses the link (nopCommerce keeps the order GUID)
    /// </summary>
    public static TimeSpan OrphanSessionGracePeriod => TimeSpan.FromMinutes(3);

    public static IReadOnlyList<string> SupportedCurrencies { get; } = ["SAR", "AED", "KWD", "BHD", "OMR", "QAR"];

    public static IReadOnlyList<string> WebhookEvents { get; } =
    [
        "order_approved", "order_declined", "order_authorised", "order_canceled",
        "order_captured", "order_refunded", "order_expired"
    ];

    /// <summary>The <c>platform</c> sent with QR sessions unless a store sets its own (Tamara's shape: PARTNERNAME_POS_QR)</summary>
    public static string DefaultQrPlatform => "NOPCOMMERCE_POS_QR";

    /// <summary>Longest QR platform name accepted</summary>
    public const int QrPlatformMaxLength = 64;

    /// <summary>Longest POS device id accepted (X-Device-Id), also the size of its column</summary>
    public const int DeviceIdMaxLength = 64;

    /// <summary>Remembers the device id a till last used for QR checkout, in that till's browser</summary>
    public static string TillDeviceCookieName => ".Nop.TamaraInStore.DeviceId";

    /// <summary>How long a till remembers its device id</summary>
    public static TimeSpan TillDeviceCookieLifetime => TimeSpan.FromDays(365);

    /// <summary>Values of the payment step's channel choice</summary>
    public static class Channels
    {
        public static string Sms => "sms";
        public static string Qr => "qr";
    }

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
        public static string Channel => "Tamara channel";
        public static string DeviceId => "Tamara device id";
    }

    /// <summary>
    /// Payment types and limits ({0} store id, {1} currency, {2} country, {3} hash of the API token and base URL, so another
    /// account or address never reads this one's answer)
    /// </summary>
    public static string PaymentTypesCacheKey => "Nop.plugins.payments.tamarainstore.paymenttypes.{0}-{1}-{2}-{3}";

    /// <summary>
    /// Set for a minute after Tamara could not be reached or offered no payment type, so checkout pages do not wait on it
    /// again and again; meanwhile the configured limits apply
    /// </summary>
    public static string PaymentTypesUnavailableCacheKey => "Nop.plugins.payments.tamarainstore.paymenttypes.unavailable.{0}-{1}-{2}-{3}";

    /// <summary>Prefix of both payment-types keys, cleared when the settings are saved</summary>
    public static string PaymentTypesCachePrefix => "Nop.plugins.payments.tamarainstore.paymenttypes.";

    public static int PaymentTypesCacheMinutes => 60;

    public static int MinPollIntervalSeconds => 5;

    public static int MaxPollIntervalSeconds => 300;

    /// <summary>Tamara reads in flight at once during a run of the scheduled check</summary>
    public static int DefaultPollConcurrency => 32;

    public static int MaxPollConcurrency => 256;

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
        public static string Type => "Nop.Plugin.Payments.TamaraInStore.Services.Sync.TamaraPendingSessionsTask";

        /// <summary>
        /// The task's fixed period: the shortest poll interval a store may choose. nopCommerce builds the task's timer from
        /// this value once, at start-up, so it never follows the settings; each session waits its own store's current
        /// interval between checks instead (NextCheckOnUtc), and a changed interval applies without a restart.
        /// </summary>
        public static int Seconds => MinPollIntervalSeconds;
    }

    public static class Reconciliation
    {
        public static string TaskName => "Tamara in-store: daily reconciliation with Tamara";
        public static string TaskType => "Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation.TamaraReconciliationTask";

        /// <summary>Once a day</summary>
        public static int TaskSeconds => 86_400;

        public static int DefaultDays => 7;

        public static int MinDays => 1;

        public static int MaxDays => 90;

        /// <summary>Sessions read from Tamara at the same time</summary>
        public static int Workers => 4;

        /// <summary>
        /// A run starts no new read after this long. nopCommerce's task runner holds the task's lock for
        /// min(period, 300 s) - 1 s, so a run ends before another server may start the same task.
        /// </summary>
        public static TimeSpan RunBudget => TimeSpan.FromMinutes(4);

        /// <summary>How long the workers wait after Tamara answered 429/5xx without a Retry-After</summary>
        public static TimeSpan DefaultPause => TimeSpan.FromSeconds(30);
    }

    /// <summary>Resource key of a locked order-sync section; the Tamara order id is appended</summary>
    public static string OrderLockKey => "Nop.plugins.payments.tamarainstore.order.{0}";

    /// <summary>Long enough for the slowest Tamara call the settings allow (see TamaraCallBudget)</summary>
    public static TimeSpan OrderLockExpiration => TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a refund without a clear outcome is waited for. A row still "requested" within this time belongs to a
    /// refund being made right now; an "unknown" row older than this that Tamara does not show never happened.
    /// </summary>
    public static TimeSpan UnconfirmedRefundGracePeriod => TimeSpan.FromMinutes(2);

    /// <summary>Most due sessions one run of the scheduled task takes: 1,000 pending payments are all checked in one interval</summary>
    public static int PendingSessionsPerRun => 1_000;

    /// <summary>
    /// A run of the scheduled task starts no new check after this long, so it ends before the task runner's lock
    /// (period - 1 s) lapses; sessions left over come first in the next run
    /// </summary>
    public static TimeSpan PendingSessionsRunBudget => TimeSpan.FromSeconds(ScheduleTask.Seconds - 2);
}
