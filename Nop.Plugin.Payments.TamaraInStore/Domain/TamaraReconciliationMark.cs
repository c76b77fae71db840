using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// What the reconciliation last saw of one session: when it compared it, and, when both sides agreed, Tamara's status and a
/// fingerprint of our side. A session whose Tamara status is final and whose fingerprint is unchanged is not read again.
/// </summary>
public class TamaraReconciliationMark : BaseEntity
{
    public int SessionId { get; set; }

    /// <summary>When a run last compared the session with Tamara; the runs of one pass read each session once</summary>
    public DateTime ComparedOnUtc { get; set; }

    /// <summary>Tamara's status at that comparison</summary>
    public string TamaraStatus { get; set; }

    /// <summary>Our side (session, order, refunds) when both sides agreed; null when they did not</summary>
    public string AgreedFingerprint { get; set; }
}
