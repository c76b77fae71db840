using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>
/// An order as the simulator keeps it. Instances handed out by <see cref="SimulatorState"/> are copies,
/// so reading them needs no locking.
/// </summary>
public sealed class SimOrder
{
    public required string OrderId { get; init; }
    public required string CheckoutId { get; init; }
    /// <summary>"sms" for /checkout/in-store-session, "qr" for /checkout/in-store.</summary>
    public required string Channel { get; init; }
    public string? OrderReferenceId { get; internal set; }
    public string? OrderNumber { get; init; }
    public string? Description { get; init; }
    public string? DeviceId { get; init; }
    /// <summary>The QR session's <c>platform</c> (the integration's name); null for SMS sessions.</summary>
    public string? Platform { get; init; }
    public string Status { get; internal set; } = OrderStatuses.New;
    public string? PhoneNumber { get; init; }
    public string? Email { get; init; }
    public string? Locale { get; init; }
    public required string CountryCode { get; init; }
    public string PaymentType { get; init; } = "PAY_BY_INSTALMENTS";
    public int Instalments { get; init; } = 3;
    public required string Currency { get; init; }
    public decimal TotalAmount { get; init; }
    public decimal ShippingAmount { get; init; }
    public decimal TaxAmount { get; init; }
    public decimal DiscountAmount { get; init; }
    public string DiscountName { get; init; } = "";
    public decimal CapturedAmount { get; internal set; }
    public decimal RefundedAmount { get; internal set; }
    public decimal CanceledAmount { get; internal set; }
    public decimal PaidAmount { get; internal set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset UpdatedAt { get; internal set; }
    public string? StoreCode { get; internal set; }
    public required string CheckoutDeeplink { get; init; }
    public string? DeclinedReason { get; internal set; }
    public string? DeclinedCode { get; internal set; }
    public string? DeclineType { get; internal set; }
    public IReadOnlyList<SimOrderItem> Items { get; init; } = [];
    public JsonObject? AdditionalData { get; init; }

    internal List<SimCapture> CaptureList { get; init; } = [];
    internal List<SimRefund> RefundList { get; init; } = [];
    internal List<SimCancel> CancelList { get; init; } = [];
    /// <summary>Refunds taken while refunds are held: not applied yet, so neither listed nor counted.</summary>
    internal List<SimRefund> ProcessingRefundList { get; init; } = [];

    public IReadOnlyList<SimCapture> Captures => CaptureList;
    public IReadOnlyList<SimRefund> Refunds => RefundList;
    public IReadOnlyList<SimCancel> Cancels => CancelList;

    public IReadOnlyList<SimRefund> ProcessingRefunds => ProcessingRefundList;

    /// <summary>Whether Tamara is still processing something for the order (a refund taken but not applied yet).</summary>
    public bool Processing => ProcessingRefundList.Count > 0;

    public decimal RefundableAmount => CapturedAmount - RefundedAmount - ProcessingRefundList.Sum(r => r.Amount);

    internal SimOrder Clone()
    {
        return new SimOrder
        {
            OrderId = OrderId,
            CheckoutId = CheckoutId,
            Channel = Channel,
            OrderReferenceId = OrderReferenceId,
            OrderNumber = OrderNumber,
            Description = Description,
            DeviceId = DeviceId,
            Platform = Platform,
            Status = Status,
            PhoneNumber = PhoneNumber,
            Email = Email,
            Locale = Locale,
            CountryCode = CountryCode,
            PaymentType = PaymentType,
            Instalments = Instalments,
            Currency = Currency,
            TotalAmount = TotalAmount,
            ShippingAmount = ShippingAmount,
            TaxAmount = TaxAmount,
            DiscountAmount = DiscountAmount,
            DiscountName = DiscountName,
            CapturedAmount = CapturedAmount,
            RefundedAmount = RefundedAmount,
            CanceledAmount = CanceledAmount,
            PaidAmount = PaidAmount,
            CreatedAt = CreatedAt,
            ExpiresAt = ExpiresAt,
            UpdatedAt = UpdatedAt,
            StoreCode = StoreCode,
            CheckoutDeeplink = CheckoutDeeplink,
            DeclinedReason = DeclinedReason,
            DeclinedCode = DeclinedCode,
            DeclineType = DeclineType,
            Items = Items,
            AdditionalData = AdditionalData?.DeepClone().AsObject(),
            CaptureList = [.. CaptureList],
            RefundList = [.. RefundList],
            CancelList = [.. CancelList],
            ProcessingRefundList = [.. ProcessingRefundList],
        };
    }
}
