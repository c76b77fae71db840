using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// nopCommerce's MemoryCacheManager in memory, on a clock the test controls: entries live CacheTime minutes, a key with
/// CacheTime 0 is never stored, a null result of an acquire function is not kept, RemoveByPrefixAsync drops every key that
/// starts with the prefix
/// </summary>
public class InMemoryStaticCache : IStaticCacheManager
{
    private readonly Dictionary<string, (object Value, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly TimeProvider _timeProvider;

    public InMemoryStaticCache(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public IReadOnlyCollection<string> Keys => _entries.Keys.Where(key => TryGet(key, out _)).ToList();

    public CacheKey PrepareKey(CacheKey cacheKey, params object[] cacheKeyParameters) =>
        cacheKey.Create(parameter => parameter ?? "null", cacheKeyParameters);

    public CacheKey PrepareKeyForDefaultCache(CacheKey cacheKey, params object[] cacheKeyParameters) => PrepareKey(cacheKey, cacheKeyParameters);

    public async Task<T> GetAsync<T>(CacheKey key, Func<Task<T>> acquire)
    {
        if (TryGet(key.Key, out var value))
            return (T)value;

        var data = await acquire();
        await SetAsync(key, data);
        return data;
    }

    public Task<T> GetAsync<T>(CacheKey key, Func<T> acquire) => GetAsync(key, () => Task.FromResult(acquire()));

    public Task<T> GetAsync<T>(CacheKey key, T defaultValue = default) =>
        Task.FromResult(TryGet(key.Key, out var value) ? (T)value : defaultValue);

    public Task<object> GetAsync(CacheKey key) => Task.FromResult(TryGet(key.Key, out var value) ? value : null);

    public Task RemoveAsync(CacheKey cacheKey, params object[] cacheKeyParameters)
    {
        _entries.Remove(PrepareKey(cacheKey, cacheKeyParameters).Key);
        return Task.CompletedTask;
    }

    public Task SetAsync<T>(CacheKey key, T data)
    {
        if (data is not null && key.CacheTime > 0)
            _entries[key.Key] = (data, _timeProvider.GetUtcNow().AddMinutes(key.CacheTime));

        return Task.CompletedTask;
    }

    public Task RemoveByPrefixAsync(string prefix, params object[] prefixParameters)
    {
        var deletePrefix = prefixParameters.Length > 0 ? string.Format(prefix, prefixParameters) : prefix;
        foreach (var key in _entries.Keys.Where(key => key.StartsWith(deletePrefix, StringComparison.OrdinalIgnoreCase)).ToList())
            _entries.Remove(key);

        return Task.CompletedTask;
    }

    public Task ClearAsync()
    {
        _entries.Clear();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }

    private bool TryGet(string key, out object value)
    {
        value = null;
        if (!_entries.TryGetValue(key, out var entry))
            return false;

        if (entry.ExpiresAt <= _timeProvider.GetUtcNow())
        {
            _entries.Remove(key);
            return false;
        }

        value = entry.Value;
        return true;
    }
}
