namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// How one session's reconciliation ended
/// </summary>
public class TamaraSessionReconciliation
{
    /// <summary>Whether Tamara's answer was compared (a 404 is an answer)</summary>
    public bool Compared { get; init; }

    /// <summary>Not read: Tamara's status was final and both sides agreed at the last comparison, and nothing changed on our side since</summary>
    public bool Skipped { get; init; }

    /// <summary>Not read: the run's time ran out before this session's turn</summary>
    public bool OutOfTime { get; init; }

    /// <summary>The disagreement found, fixed or not; null when both sides agree or nothing was compared</summary>
    public TamaraReconciliationFinding Finding { get; init; }

    /// <summary>Tamara answered 429/5xx or could not be reached: the session is read again after the pause</summary>
    public bool TamaraUnavailable { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Why the session could not be compared, for staff</summary>
    public string Error { get; init; }

    /// <summary>Tamara's status in the answer compared</summary>
    public string TamaraStatus { get; init; }

    /// <summary>Our side when both sides agreed without a fix (see <see cref="TamaraReconciliationFingerprint"/>); null otherwise</summary>
    public string AgreedFingerprint { get; init; }

    public static TamaraSessionReconciliation Agrees(string tamaraStatus, string fingerprint) =>
        new() { Compared = true, TamaraStatus = tamaraStatus, AgreedFingerprint = fingerprint };
}
