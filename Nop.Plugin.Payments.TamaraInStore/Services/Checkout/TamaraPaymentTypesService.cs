using System.Security.Cryptography;
using System.Text;
using Nop.Core.Caching;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// The payment types and order-value limits Tamara offers a store, cached because checkout pages ask on every visit
/// </summary>
public class TamaraPaymentTypesService
{
    private readonly ILogger _logger;
    private readonly IStaticCacheManager _staticCacheManager;
    private readonly ITamaraClient _tamaraClient;

    public TamaraPaymentTypesService(ILogger logger,
        IStaticCacheManager staticCacheManager,
        ITamaraClient tamaraClient)
    {
        _logger = logger;
        _staticCacheManager = staticCacheManager;
        _tamaraClient = tamaraClient;
    }

    /// <summary>
    /// Tamara's payment types for the store's country and the currency; null when Tamara could not be asked or offered none,
    /// so the configured limits apply and Tamara itself judges the order when the session is created
    /// </summary>
    public virtual async Task<IList<TamaraPaymentType>> GetPaymentTypesAsync(TamaraInStoreSettings settings, int storeId, string currencyCode)
    {
        if (string.IsNullOrWhiteSpace(settings?.ApiToken) || string.IsNullOrWhiteSpace(currencyCode))
            return null;

        var account = AccountHash(settings);
        var country = settings.CountryCode?.Trim().ToUpperInvariant();

        var unavailableKey = _staticCacheManager.PrepareKey(new CacheKey(TamaraInStoreDefaults.PaymentTypesUnavailableCacheKey), storeId, currencyCode, country, account);
        unavailableKey.CacheTime = 1;
        if (await _staticCacheManager.GetAsync(unavailableKey, false))
            return null;

        var key = _staticCacheManager.PrepareKey(new CacheKey(TamaraInStoreDefaults.PaymentTypesCacheKey), storeId, currencyCode, country, account);
        key.CacheTime = TamaraInStoreDefaults.PaymentTypesCacheMinutes;
        var cached = await _staticCacheManager.GetAsync<IList<TamaraPaymentType>>(key, defaultValue: null);
        if (cached is not null)
            return cached;

        IList<TamaraPaymentType> paymentTypes;
        try
        {
            paymentTypes = await _tamaraClient.GetPaymentTypesAsync(settings, settings.CountryCode, currencyCode);
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: payment types could not be read ({exception.Endpoint}, {exception.StatusCode}): {exception.Message}");
            await _staticCacheManager.SetAsync(unavailableKey, true);
            return null;
        }

        if (paymentTypes is null || paymentTypes.Count == 0)
        {
            await _logger.WarningAsync($"Tamara in-store: Tamara listed no payment type for {country} in {currencyCode} (store {storeId}); the configured order-total limits apply");
            await _staticCacheManager.SetAsync(unavailableKey, true);
            return null;
        }

        await _staticCacheManager.SetAsync(key, paymentTypes);
        return paymentTypes;
    }

    /// <summary>Forgets every store's answer, e.g. after the settings were saved</summary>
    public virtual Task ClearCacheAsync() => _staticCacheManager.RemoveByPrefixAsync(TamaraInStoreDefaults.PaymentTypesCachePrefix);

    /// <summary>Whether a payment type's limits allow this total (a missing or zero limit does not limit)</summary>
    public static bool Accepts(TamaraPaymentType paymentType, decimal total)
    {
        var min = paymentType.MinLimit?.Amount ?? decimal.Zero;
        var max = paymentType.MaxLimit?.Amount ?? decimal.Zero;

        return total >= min && (max <= decimal.Zero || total <= max);
    }

    /// <summary>Tells accounts and addresses apart in a cache key without putting the token there</summary>
    private static string AccountHash(TamaraInStoreSettings settings)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.ApiToken}\n{TamaraBaseUrl.For(settings).TrimEnd('/')}"));
        return Convert.ToHexString(bytes, 0, 8);
    }
}
