using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>A validated request to open an in-store checkout session (SMS or QR).</summary>
public sealed record NewSession
{
    public required string Channel { get; init; }
    public required string Currency { get; init; }
    public required string CountryCode { get; init; }
    public decimal TotalAmount { get; init; }
    public decimal ShippingAmount { get; init; }
    public decimal TaxAmount { get; init; }
    public decimal DiscountAmount { get; init; }
    public string DiscountName { get; init; } = "";
    public string? PhoneNumber { get; init; }
    public string? Email { get; init; }
    public string? OrderReferenceId { get; init; }
    public string? OrderNumber { get; init; }
    public string? Description { get; init; }
    public string? Locale { get; init; }
    public string PaymentType { get; init; } = "PAY_BY_INSTALMENTS";
    public string? DeviceId { get; init; }
    public string? Platform { get; init; }
    public int? ExpiryMinutes { get; init; }
    public IReadOnlyList<SimOrderItem> Items { get; init; } = [];
    public JsonObject? AdditionalData { get; init; }
}
