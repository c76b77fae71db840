namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Checks the tamaraToken of a webhook delivery: a JWT signed HS256 with the merchant's notification token
/// </summary>
public interface ITamaraNotificationTokenValidator
{
    /// <summary>True only for a well-formed HS256 token signed with <paramref name="notificationToken"/> and within its lifetime</summary>
    bool IsValid(string token, string notificationToken);
}
