namespace Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

/// <summary>What refunding a capture that needs attention came to, in words for staff</summary>
public record TamaraCaptureRefundResult(bool Success, string Message);
