namespace TamaraSimulator;

/// <summary>
/// What Tamara changes on its side without notifying the store (a capture or a portal refund whose webhook was lost, a status
/// changed by Tamara): each field left null stays as it is.
/// </summary>
/// <param name="Status">The order's new status; by default the one the amounts imply</param>
/// <param name="CapturedAmount">The captured total; a rise is recorded as one more capture</param>
/// <param name="RefundedAmount">The refunded total; a rise is recorded as one more refund made in the partner portal</param>
public sealed record SilentChange(string? Status = null, decimal? CapturedAmount = null, decimal? RefundedAmount = null);
