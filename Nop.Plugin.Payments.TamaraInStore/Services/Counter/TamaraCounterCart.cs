namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>The counter's cart as nopCommerce prices it: every amount comes from nopCommerce's own services</summary>
public sealed class TamaraCounterCart
{
    public IList<TamaraCounterCartLine> Lines { get; init; } = [];

    /// <summary>nopCommerce's warnings for the cart as a whole (each line carries its own)</summary>
    public IList<string> Warnings { get; init; } = [];

    public string SubTotal { get; init; }

    public string Discount { get; init; }

    public string Tax { get; init; }

    public string Total { get; init; }

    /// <summary>The order total in the primary store currency; null when nopCommerce could not calculate it</summary>
    public decimal? TotalAmount { get; init; }

    public bool IsEmpty => Lines.Count == 0;
}

public sealed record TamaraCounterCartLine(int ItemId, int ProductId, string Name, string Sku, int Quantity, string UnitPrice, string SubTotal,
    IList<string> Warnings);
