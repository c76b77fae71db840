using Nop.Core.Configuration;

namespace Nop.Plugin.Payments.TamaraInStore;

/// <summary>
/// Per-store settings of the Tamara in-store payment method
/// </summary>
public class TamaraInStoreSettings : ISettings
{
    /// <summary>Merchant API token, sent as a bearer token on every call</summary>
    public string ApiToken { get; set; }

    /// <summary>Merchant notification token, the HS256 key of the webhook tokens</summary>
    public string NotificationToken { get; set; }

    /// <summary>Branch identifier sent as additional_data.store_code</summary>
    public string StoreCode { get; set; }

    /// <summary>
    /// The POS device id (X-Device-Id) of this store's tills for QR checkout; a till may override it at the payment step.
    /// Empty: QR checkout is not offered, only SMS.
    /// </summary>
    public string DeviceId { get; set; }

    /// <summary>
    /// The <c>platform</c> sent with every QR session (Tamara requires it: the integration's name, e.g. NOPCOMMERCE_POS_QR);
    /// blank sends <see cref="TamaraInStoreDefaults.DefaultQrPlatform"/>
    /// </summary>
    public string QrPlatform { get; set; }

    public bool UseSandbox { get; set; }

    /// <summary>Overrides the sandbox/live base URL (e.g. a local simulator); empty to use the default</summary>
    public string ApiBaseUrlOverride { get; set; }

    /// <summary>Two-letter country of the merchant account (SA, AE, ...), used for phone formats, currency and limits</summary>
    public string CountryCode { get; set; }

    public int RequestTimeoutSeconds { get; set; }

    public int PollIntervalSeconds { get; set; }

    /// <summary>
    /// Most Tamara reads the scheduled check has in flight at once; 0 = the default. One run serves every store and takes the
    /// highest value among the stores it checks
    /// </summary>
    public int PollConcurrency { get; set; }

    public int SessionLifetimeMinutes { get; set; }

    public bool OfferOnlyToStaff { get; set; }

    public bool CancelOrderWhenDeclinedOrExpired { get; set; }

    public bool UpdateOrderReferenceId { get; set; }

    /// <summary>Writes masked request and response bodies to the log</summary>
    public bool DebugLogging { get; set; }

    /// <summary>Lowest order total offered (0 = no limit), in the order currency</summary>
    public decimal MinOrderTotal { get; set; }

    /// <summary>Highest order total offered (0 = no limit), in the order currency</summary>
    public decimal MaxOrderTotal { get; set; }

    /// <summary>Most payment links (new Tamara sessions) one phone number may receive within <see cref="LinksPerPhoneWindowMinutes"/>; 0 = the default</summary>
    public int MaxLinksPerPhone { get; set; }

    /// <summary>The window of <see cref="MaxLinksPerPhone"/>, in minutes; 0 = the default</summary>
    public int LinksPerPhoneWindowMinutes { get; set; }

    /// <summary>How many days back the daily reconciliation with Tamara looks, for every store (the value saved for all stores); 0 = the default</summary>
    public int ReconciliationDays { get; set; }

    /// <summary>Id of the webhook registered with Tamara for this store</summary>
    public string WebhookId { get; set; }
}
