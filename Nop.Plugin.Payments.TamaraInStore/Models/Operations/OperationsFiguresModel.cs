namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

/// <summary>One store's figures for one period, ready to show</summary>
public record OperationsFiguresModel
{
    public string StoreName { get; init; }

    public int LinksSent { get; init; }

    public int Paid { get; init; }

    /// <summary>"-" when no link was sent</summary>
    public string Conversion { get; init; }

    /// <summary>"-" when nothing was paid</summary>
    public string MedianTimeToPay { get; init; }

    /// <summary>e.g. "2 × SAR 150.00"; empty when none</summary>
    public IList<string> Refunds { get; init; } = new List<string>();
}
