namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// How one session's reconciliation ended
/// </summary>
public class TamaraSessionReconciliation
{
    /// <summary>Whether Tamara's answer was compared (a 404 is an answer)</summary>
    public bool Compared { get; init; }

    /// <summary>The disagreement found, fixed or not; null when both sides agree or nothing was compared</summary>
    public TamaraReconciliationFinding Finding { get; init; }

    /// <summary>Tamara answered 429/5xx or could not be reached: the session is read again after the pause</summary>
    public bool TamaraUnavailable { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Why the session could not be compared, for staff</summary>
    public string Error { get; init; }

    public static TamaraSessionReconciliation Agrees { get; } = new() { Compared = true };
}
