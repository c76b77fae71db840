namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// One disagreement between Tamara and nopCommerce
/// </summary>
public class TamaraReconciliationFinding
{
    public int SessionId { get; set; }

    /// <summary>0 when the session has no order</summary>
    public int OrderId { get; set; }

    public string CustomOrderNumber { get; set; }

    public int StoreId { get; set; }

    public string TamaraOrderId { get; set; }

    public TamaraReconciliationVerdict Verdict { get; set; }

    /// <summary>The facts behind the verdict with both sides' figures, e.g. "Tamara: fully_captured, SAR 500.00 captured; order: Pending"</summary>
    public string Detail { get; set; }

    /// <summary>True when this run fixed it through the order sync (an order note says so)</summary>
    public bool Fixed { get; set; }
}
