namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

/// <summary>One disagreement of the last reconciliation run, ready to show</summary>
public record ReconciliationFindingModel
{
    public int OrderId { get; init; }

    public string OrderNumber { get; init; }

    public string TamaraOrderId { get; init; }

    public string Verdict { get; init; }

    public string Detail { get; init; }

    public string Action { get; init; }

    public bool Fixed { get; init; }
}
