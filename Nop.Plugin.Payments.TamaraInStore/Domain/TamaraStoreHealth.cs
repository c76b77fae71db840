using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// What a store's connection with Tamara last looked like, written at most once a minute per store and server; the row of
/// store 0 holds what is shared by every store (the poller)
/// </summary>
public class TamaraStoreHealth : BaseEntity
{
    public int StoreId { get; set; }

    /// <summary>When the last authentic webhook delivery for one of the store's orders arrived</summary>
    public DateTime? LastWebhookOnUtc { get; set; }

    /// <summary>When the poller last ran (store 0)</summary>
    public DateTime? LastPollOnUtc { get; set; }

    /// <summary>When the poller last found a payment that no webhook had announced</summary>
    public DateTime? PollFoundPaymentOnUtc { get; set; }

    /// <summary>Since when every read of Tamara failed without an answer; empty once Tamara answered again</summary>
    public DateTime? TamaraUnreachableSinceUtc { get; set; }

    /// <summary>The warnings already written to nopCommerce's log (flags of <see cref="Services.Health.TamaraHealthWarningKind"/>)</summary>
    public int LoggedWarnings { get; set; }

    public DateTime UpdatedOnUtc { get; set; }
}
