using Nop.Core;
using Nop.Services.Common;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>nopCommerce's generic attributes kept in memory: one value per entity, key and store; saving the default deletes it</summary>
public class InMemoryGenericAttributes : IGenericAttributeService
{
    private readonly Dictionary<(string Type, int Id, string Key, int StoreId), object> _values = new();

    public Task SaveAttributeAsync<TPropType>(BaseEntity entity, string key, TPropType value, int storeId = 0)
    {
        var slot = (entity.GetType().Name, entity.Id, key, storeId);
        if (EqualityComparer<TPropType>.Default.Equals(value, default))
            _values.Remove(slot);
        else
            _values[slot] = value;

        return Task.CompletedTask;
    }

    public Task<TPropType> GetAttributeAsync<TPropType>(BaseEntity entity, string key, int storeId = 0, TPropType defaultValue = default) =>
        Task.FromResult(_values.TryGetValue((entity.GetType().Name, entity.Id, key, storeId), out var value) ? (TPropType)value : defaultValue);

    public Task<TPropType> GetAttributeAsync<TEntity, TPropType>(int entityId, string key, int storeId = 0, TPropType defaultValue = default)
        where TEntity : BaseEntity =>
        Task.FromResult(_values.TryGetValue((typeof(TEntity).Name, entityId, key, storeId), out var value) ? (TPropType)value : defaultValue);
}
