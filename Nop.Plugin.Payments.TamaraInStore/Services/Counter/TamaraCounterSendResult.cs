namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

public enum TamaraCounterSendOutcome
{
    /// <summary>The order is placed and the link sent (or the QR code shown)</summary>
    Sent,
    /// <summary>This sale was already sent (a second click): the first one's order is named</summary>
    AlreadySent,
    /// <summary>Tamara's pre-check offers this customer no plan for this amount: nothing was sent</summary>
    NoPlan,
    /// <summary>Something refused the sale (nopCommerce, the plugin's rules or Tamara); no order, no payable link</summary>
    Failed
}

public sealed class TamaraCounterSendResult
{
    public TamaraCounterSendOutcome Outcome { get; init; }

    public int OrderId { get; init; }

    public string CustomOrderNumber { get; init; }

    public TamaraCounterPreCheckResult PreCheck { get; init; }

    public IList<string> Errors { get; init; } = [];

    public string CustomerName { get; init; }

    public string MaskedPhone { get; init; }

    /// <summary>Whether the customer was created for this sale</summary>
    public bool NewCustomer { get; init; }
}
