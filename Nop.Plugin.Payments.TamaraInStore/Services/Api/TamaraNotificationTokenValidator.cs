namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

public class TamaraNotificationTokenValidator : ITamaraNotificationTokenValidator
{
    public bool IsValid(string token, string notificationToken) => throw new NotImplementedException();
}
