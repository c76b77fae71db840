using System.Collections.Concurrent;
using Moq;
using Nop.Core.Domain.Stores;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// The plugin's settings per store, as nopCommerce's setting service would load them (store 0 = all stores),
/// and the store list behind IStoreService
/// </summary>
public class StoreSettings
{
    public const int StoreId = 1;

    private readonly ConcurrentDictionary<int, TamaraInStoreSettings> _byStore = new();

    public StoreSettings()
    {
        SettingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => For(storeId));
        StoreService.Setup(service => service.GetAllStoresAsync())
            .ReturnsAsync(() => (IList<Store>)[new Store { Id = StoreId, Name = "Riyadh branch" }]);
    }

    public Mock<ISettingService> SettingService { get; } = new();

    public Mock<IStoreService> StoreService { get; } = new();

    /// <summary>The store's own settings, falling back to the all-stores ones like nopCommerce's overrides</summary>
    public TamaraInStoreSettings For(int storeId) =>
        _byStore.TryGetValue(storeId, out var settings) ? settings : _byStore.GetValueOrDefault(0) ?? new TamaraInStoreSettings();

    public void Set(int storeId, TamaraInStoreSettings settings) => _byStore[storeId] = settings;
}
