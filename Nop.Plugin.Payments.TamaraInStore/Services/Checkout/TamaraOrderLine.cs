namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// One product line as the store prices it, in the currency the amounts were read in (tax included, after the line's discount)
/// </summary>
public record TamaraOrderLine(
    string Name,
    string Sku,
    string ReferenceId,
    bool IsPhysical,
    int Quantity,
    decimal UnitPrice,
    decimal DiscountAmount,
    decimal TaxAmount,
    decimal TotalAmount);

/// <summary>
/// What an order or a cart costs: its lines, shipping (tax included) and the total the customer must pay
/// </summary>
public record TamaraOrderAmounts(IReadOnlyList<TamaraOrderLine> Lines, decimal ShippingAmount);
