using Nop.Core.Caching;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

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
    /// Tamara's payment types for the store's country and the currency; null when Tamara could not be asked
    /// </summary>
    public virtual async Task<IList<TamaraPaymentType>> GetPaymentTypesAsync(TamaraInStoreSettings settings, int storeId, string currencyCode)
    {
        if (string.IsNullOrWhiteSpace(settings?.ApiToken) || string.IsNullOrWhiteSpace(currencyCode))
            return null;

        var unavailableKey = _staticCacheManager.PrepareKey(new CacheKey(TamaraInStoreDefaults.PaymentTypesUnavailableCacheKey), storeId, currencyCode);
        unavailableKey.CacheTime = 1;
        if (await _staticCacheManager.GetAsync(unavailableKey, false))
            return null;

        var key = _staticCacheManager.PrepareKey(new CacheKey(TamaraInStoreDefaults.PaymentTypesCacheKey), storeId, currencyCode);
        key.CacheTime = TamaraInStoreDefaults.PaymentTypesCacheMinutes;

        try
        {
            return await _staticCacheManager.GetAsync(key, async () =>
                await _tamaraClient.GetPaymentTypesAsync(settings, settings.CountryCode, currencyCode) ?? new List<TamaraPaymentType>());
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: payment types could not be read ({exception.Endpoint}, {exception.StatusCode}): {exception.Message}");
            await _staticCacheManager.SetAsync(unavailableKey, true);
            return null;
        }
    }

    /// <summary>Whether a payment type's limits allow this total (a missing or zero limit does not limit)</summary>
    public static bool Accepts(TamaraPaymentType paymentType, decimal total)
    {
        var min = paymentType.MinLimit?.Amount ?? decimal.Zero;
        var max = paymentType.MaxLimit?.Amount ?? decimal.Zero;

        return total >= min && (max <= decimal.Zero || total <= max);
    }
}
