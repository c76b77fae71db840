namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>The outcome of a button on the Tamara card of the order page, with the message staff see</summary>
/// <param name="OrderChanged">The nopCommerce order itself changed, so the page showing it is stale</param>
public record TamaraStaffActionResult(bool Success, string Message, bool OrderChanged = false);
