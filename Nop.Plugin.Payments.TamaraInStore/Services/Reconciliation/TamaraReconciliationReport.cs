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

    /// <summary>Sessions created within the window</summary>
    public int SessionsInWindow { get; set; }

    /// <summary>Sessions compared with Tamara in this run</summary>
    public int SessionsCompared { get; set; }

    /// <summary>Sessions not read: Tamara's status final, both sides agreed at the last comparison, nothing changed on our side since</summary>
    public int SessionsSkipped { get; set; }

    /// <summary>Sessions an earlier run of the same pass compared</summary>
    public int SessionsComparedEarlier { get; set; }

    /// <summary>
    /// When the pass this run belongs to started: a run that ran out of time is followed by one that reads the sessions the
    /// pass has not read yet (newest first); a run after a complete one starts a new pass
    /// </summary>
    public DateTime? PassStartedOnUtc { get; set; }

    /// <summary>The run stopped because its time budget ran out or Tamara asked to wait longer than the rest of it</summary>
    public bool StoppedForTime { get; set; }

    /// <summary>Sessions on which both sides agree (after the fixes applied by this run)</summary>
    public int SessionsAgreeing { get; set; }

    /// <summary>False when the run stopped before comparing every session (Tamara unreachable, time budget spent)</summary>
    public bool Completed { get; set; }

    /// <summary>Why the run did not complete, in words for staff; empty when it did</summary>
    public string Problem { get; set; }

    public List<TamaraReconciliationFinding> Findings { get; set; } = new();
}
