namespace TamaraSimulator;

public sealed record SimOrderItem(
    string Name,
    string Type,
    string ReferenceId,
    string Sku,
    int Quantity,
    Money TotalAmount,
    Money? UnitPrice,
    Money? TaxAmount,
    Money? DiscountAmount,
    string? ImageUrl,
    string? ItemUrl);
