namespace TamaraSimulator;

public sealed record SimCapture(
    string CaptureId,
    string OrderId,
    decimal TotalAmount,
    decimal RefundedAmount,
    DateTimeOffset CreatedAt);

public sealed record SimRefund(
    string RefundId,
    string OrderId,
    string CaptureId,
    string? MerchantRefundId,
    decimal Amount,
    string Currency,
    string Comment,
    string Source,
    string OrderStatusAfter,
    DateTimeOffset CreatedAt);

public sealed record SimCancel(
    string CancelId,
    string OrderId,
    decimal Amount,
    DateTimeOffset CreatedAt);
