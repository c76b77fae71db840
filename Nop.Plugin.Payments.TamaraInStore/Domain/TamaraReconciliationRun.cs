using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// The report of the last reconciliation run, as JSON (one row is kept). Not a setting: nopCommerce's setting values hold at
/// most 6,000 characters and are all cached in memory, while a report lists every disagreement.
/// </summary>
public class TamaraReconciliationRun : BaseEntity
{
    public DateTime StartedOnUtc { get; set; }

    public DateTime FinishedOnUtc { get; set; }

    public string ReportJson { get; set; }
}
