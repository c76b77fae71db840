namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// One store's figures for one period: of the payment links sent in it, how many were paid and how fast, and the refunds made in it
/// </summary>
public class TamaraStoreFigures
{
    public int StoreId { get; set; }

    public int LinksSent { get; set; }

    public int Paid { get; set; }

    /// <summary>Paid / sent, 0..1; null when no link was sent</summary>
    public decimal? Conversion => LinksSent == 0 ? null : (decimal)Paid / LinksSent;

    /// <summary>Median time from sending the link to the payment; null when none was paid</summary>
    public TimeSpan? MedianTimeToPay { get; set; }

    public IList<TamaraRefundFigure> Refunds { get; set; } = new List<TamaraRefundFigure>();
}

/// <summary>Refunds made at Tamara in one currency</summary>
public record TamaraRefundFigure(string CurrencyCode, int Count, decimal Amount);
