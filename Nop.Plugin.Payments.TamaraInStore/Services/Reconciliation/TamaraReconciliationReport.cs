namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// The outcome of one reconciliation run
/// </summary>
public class TamaraReconciliationReport
{
    public DateTime StartedOnUtc { get; set; }

    public DateTime FinishedOnUtc { get; set; }

    /// <summary>How many days back the run looked</summary>
    public int WindowDays { get; set; }

    /// <summary>Sessions compared with Tamara</summary>
    public int SessionsCompared { get; set; }

    /// <summary>Sessions on which both sides agree (after the fixes applied by this run)</summary>
    public int SessionsAgreeing { get; set; }

    /// <summary>False when the run stopped before comparing every session (Tamara unreachable, time budget spent)</summary>
    public bool Completed { get; set; }

    /// <summary>Why the run did not complete, in words for staff; empty when it did</summary>
    public string Problem { get; set; }

    public List<TamaraReconciliationFinding> Findings { get; set; } = new();
}
