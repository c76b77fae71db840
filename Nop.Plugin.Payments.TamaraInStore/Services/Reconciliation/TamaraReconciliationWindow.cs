namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// How many days back the reconciliation looks
/// </summary>
public static class TamaraReconciliationWindow
{
    /// <summary>The saved number of days; the default where it was never saved (an install updated from an earlier version)</summary>
    public static int Days(TamaraInStoreSettings settings) =>
        settings.ReconciliationDays > 0 ? settings.ReconciliationDays : TamaraInStoreDefaults.Reconciliation.DefaultDays;
}
