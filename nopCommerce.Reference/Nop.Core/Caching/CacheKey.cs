namespace Nop.Core.Caching;

// The host initialises CacheTime from its app settings (CacheConfig.DefaultCacheTime, 60 by default).
public partial class CacheKey
{
    public CacheKey(string key)
    {
        Key = key;
    }

    public virtual CacheKey Create(Func<object, object> createCacheKeyParameters, params object[] keyObjects)
    {
        var cacheKey = new CacheKey(Key);
        if (keyObjects.Length > 0)
            cacheKey.Key = string.Format(cacheKey.Key, keyObjects.Select(createCacheKeyParameters).ToArray());

        return cacheKey;
    }

    public string Key { get; protected set; }

    public int CacheTime { get; set; } = 60;
}
