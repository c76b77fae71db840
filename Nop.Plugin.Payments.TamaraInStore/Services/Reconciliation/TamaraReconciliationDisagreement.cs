namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <param name="Detail">Both sides' figures, for staff</param>
/// <param name="SafeToFix">The order sync applies what Tamara says by itself (a missed capture or portal refund)</param>
public record TamaraReconciliationDisagreement(TamaraReconciliationVerdict Verdict, string Detail, bool SafeToFix);
