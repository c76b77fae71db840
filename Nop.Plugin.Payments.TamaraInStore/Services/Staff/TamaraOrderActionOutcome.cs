namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>What one staff action on one order did, in the words staff see</summary>
/// <param name="ReloadPage">The nopCommerce order itself changed, so a page showing it is stale</param>
public record TamaraOrderActionOutcome(int OrderId, bool Success, string Message, bool ReloadPage = false);
