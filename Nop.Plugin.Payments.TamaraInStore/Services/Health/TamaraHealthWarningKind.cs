namespace Nop.Plugin.Payments.TamaraInStore.Services.Health;

/// <summary>What can be wrong with a store's link with Tamara (flags, so the ones already logged fit in one column)</summary>
[Flags]
public enum TamaraHealthWarningKind
{
    None = 0,

    /// <summary>The poller found payments no webhook announced, and no webhook came since: webhooks are being lost</summary>
    WebhooksLost = 1,

    /// <summary>The poller has not run for three of the store's poll intervals</summary>
    PollerStalled = 2,

    /// <summary>Tamara has not answered for five minutes</summary>
    TamaraUnreachable = 4
}
