using System.Linq.Expressions;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Data;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// A repository over a list, thread-safe, giving entities identity like a database would.
/// Like a database it stores and hands out copies: a change is seen by others only once it is saved.
/// </summary>
public class InMemoryRepository<TEntity> : IRepository<TEntity> where TEntity : BaseEntity
{
    private static readonly Func<object, object> _memberwiseClone = (Func<object, object>)Delegate.CreateDelegate(typeof(Func<object, object>),
        typeof(object).GetMethod("MemberwiseClone", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!);

    private readonly object _lock = new();
    private readonly List<TEntity> _rows = new();
    private int _nextId = 1;

    /// <summary>How many times <see cref="Table"/> was read: one read is one database query</summary>
    public int QueryCount { get; private set; }

    public int InsertCount { get; private set; }

    public int UpdateCount { get; private set; }

    public IReadOnlyList<TEntity> Rows
    {
        get { lock (_lock) return _rows.Select(Copy).ToList(); }
    }

    private static TEntity Copy(TEntity entity) => entity is null ? null : (TEntity)_memberwiseClone(entity);

    public IQueryable<TEntity> Table
    {
        get
        {
            lock (_lock)
            {
                QueryCount++;
                return _rows.Select(Copy).ToList().AsQueryable();
            }
        }
    }

    public Task<TEntity> GetByIdAsync(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true, bool useShortTermCache = false) =>
        Task.FromResult(GetById(id, getCacheKey, includeDeleted));

    public TEntity GetById(int? id, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true)
    {
        lock (_lock)
        {
            QueryCount++;
            return Copy(_rows.FirstOrDefault(row => row.Id == id));
        }
    }

    public Task<IList<TEntity>> GetByIdsAsync(IList<int> ids, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult<IList<TEntity>>(Table.Where(row => ids.Contains(row.Id)).ToList());

    public Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        Task.FromResult(GetAll(func, getCacheKey, includeDeleted));

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        func is null ? Table.ToList() : (await func(Table)).ToList();

    public IList<TEntity> GetAll(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, Func<ICacheKeyService, CacheKey> getCacheKey = null, bool includeDeleted = true) =>
        (func is null ? Table : func(Table)).ToList();

    public async Task<IList<TEntity>> GetAllAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func, Func<ICacheKeyService, Task<CacheKey>> getCacheKey, bool includeDeleted = true) =>
        func is null ? Table.ToList() : (await func(Table)).ToList();

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, IQueryable<TEntity>> func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true) =>
        throw new NotSupportedException("Paging is not used by the plugin.");

    public Task<IPagedList<TEntity>> GetAllPagedAsync(Func<IQueryable<TEntity>, Task<IQueryable<TEntity>>> func = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false, bool includeDeleted = true) =>
        throw new NotSupportedException("Paging is not used by the plugin.");

    public Task InsertAsync(TEntity entity, bool publishEvent = true)
    {
        Insert(entity, publishEvent);
        return Task.CompletedTask;
    }

    /// <summary>Runs once, just before the next insert: another server's write landing at that moment</summary>
    public Action BeforeNextInsert { get; set; }

    /// <summary>A unique index: an insert whose key a row already has fails, as the database refuses it</summary>
    public Func<TEntity, object> UniqueKey { get; init; }

    public void Insert(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var before = BeforeNextInsert;
        BeforeNextInsert = null;
        before?.Invoke();
        lock (_lock)
        {
            if (UniqueKey is not null && _rows.Any(row => Equals(UniqueKey(row), UniqueKey(entity))))
                throw new InvalidOperationException($"duplicate key value violates unique constraint on {typeof(TEntity).Name}");

            entity.Id = _nextId++;
            _rows.Add(Copy(entity));
            InsertCount++;
        }
    }

    public Task InsertAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        Insert(entities, publishEvent);
        return Task.CompletedTask;
    }

    public void Insert(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            Insert(entity, publishEvent);
    }

    public Task UpdateAsync(TEntity entity, bool publishEvent = true)
    {
        Update(entity, publishEvent);
        return Task.CompletedTask;
    }

    /// <summary>Runs once, just before the next update: another server's write landing at that moment</summary>
    public Action BeforeNextUpdate { get; set; }

    public void Update(TEntity entity, bool publishEvent = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var before = BeforeNextUpdate;
        BeforeNextUpdate = null;
        before?.Invoke();
        lock (_lock)
        {
            var index = _rows.FindIndex(row => row.Id == entity.Id);
            if (index < 0)
                throw new InvalidOperationException($"{typeof(TEntity).Name} #{entity.Id} does not exist.");
            _rows[index] = Copy(entity);
            UpdateCount++;
        }
    }

    public Task UpdateAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        Update(entities, publishEvent);
        return Task.CompletedTask;
    }

    public void Update(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            Update(entity, publishEvent);
    }

    public Task DeleteAsync(TEntity entity, bool publishEvent = true)
    {
        Delete(entity, publishEvent);
        return Task.CompletedTask;
    }

    public void Delete(TEntity entity, bool publishEvent = true)
    {
        lock (_lock)
            _rows.RemoveAll(row => row.Id == entity.Id);
    }

    public Task DeleteAsync(IList<TEntity> entities, bool publishEvent = true)
    {
        Delete(entities, publishEvent);
        return Task.CompletedTask;
    }

    public void Delete(IList<TEntity> entities, bool publishEvent = true)
    {
        foreach (var entity in entities)
            Delete(entity, publishEvent);
    }

    public Task<int> DeleteAsync(Expression<Func<TEntity, bool>> predicate) => Task.FromResult(Delete(predicate));

    public int Delete(Expression<Func<TEntity, bool>> predicate)
    {
        var match = predicate.Compile();
        lock (_lock)
            return _rows.RemoveAll(row => match(row));
    }

    public Task<TEntity> LoadOriginalCopyAsync(TEntity entity) => GetByIdAsync(entity.Id);

    public Task TruncateAsync(bool resetIdentity = false)
    {
        lock (_lock)
        {
            _rows.Clear();
            if (resetIdentity)
                _nextId = 1;
        }
        return Task.CompletedTask;
    }
}
