using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// The POS device id one till uses for QR checkout, remembered in a cookie of that till's browser: tills of one store
/// may be different Tamara devices, while the store's setting is the default for a till that never chose its own
/// </summary>
public class TamaraTillDevice
{
    private readonly IHttpContextAccessor _httpContextAccessor;

    public TamaraTillDevice(IHttpContextAccessor httpContextAccessor)
    {
        _httpContextAccessor = httpContextAccessor;
    }

    /// <summary>The device id this till used last; null when it has none (or an invalid one)</summary>
    public virtual string Read()
    {
        var value = _httpContextAccessor.HttpContext?.Request.Cookies[TamaraInStoreDefaults.TillDeviceCookieName];
        return TamaraDeviceId.IsValid(value) ? value.Trim() : null;
    }

    /// <summary>What the payment step shows: this till's own device id, else the store's</summary>
    public virtual string ReadOrDefault(TamaraInStoreSettings settings) => Read() ?? settings?.DeviceId;

    public virtual void Remember(string deviceId)
    {
        var response = _httpContextAccessor.HttpContext?.Response;
        if (response is null || !TamaraDeviceId.IsValid(deviceId))
            return;

        response.Cookies.Append(TamaraInStoreDefaults.TillDeviceCookieName, deviceId.Trim(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = _httpContextAccessor.HttpContext.Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.Add(TamaraInStoreDefaults.TillDeviceCookieLifetime)
        });
    }
}
