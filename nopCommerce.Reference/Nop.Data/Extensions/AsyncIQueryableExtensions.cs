using System.Linq.Expressions;
using Nop.Core;

namespace System.Linq;

// The host runs these through its data provider; here they evaluate the query in memory, which suits tests and fakes.
public static class AsyncIQueryableExtensions
{
    public static Task<bool> AllAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate)
    {
        return Task.FromResult(source.All(predicate));
    }

    public static Task<bool> AnyAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.Any() : source.Any(predicate));
    }

    public static Task<bool> ContainsAsync<TSource>(this IQueryable<TSource> source, TSource item)
    {
        return Task.FromResult(source.Contains(item));
    }

    public static Task<int> CountAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.Count() : source.Count(predicate));
    }

    public static Task<TSource> FirstAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.First() : source.First(predicate));
    }

    public static Task<TSource> FirstOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.FirstOrDefault() : source.FirstOrDefault(predicate));
    }

    public static Task<long> LongCountAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.LongCount() : source.LongCount(predicate));
    }

    public static Task<TSource> SingleAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.Single() : source.Single(predicate));
    }

    public static Task<TSource> SingleOrDefaultAsync<TSource>(this IQueryable<TSource> source, Expression<Func<TSource, bool>> predicate = null)
    {
        return Task.FromResult(predicate == null ? source.SingleOrDefault() : source.SingleOrDefault(predicate));
    }

    public static Task<List<TSource>> ToListAsync<TSource>(this IQueryable<TSource> source)
    {
        return Task.FromResult(source.ToList());
    }

    public static Task<TSource[]> ToArrayAsync<TSource>(this IQueryable<TSource> source)
    {
        return Task.FromResult(source.ToArray());
    }

    public static Task<IPagedList<T>> ToPagedListAsync<T>(this IQueryable<T> source, int pageIndex, int pageSize, bool getOnlyTotalCount = false)
    {
        if (source == null)
            return Task.FromResult<IPagedList<T>>(new PagedList<T>(new List<T>(), pageIndex, pageSize));

        var size = Math.Max(pageSize, 1);
        var total = source.Count();
        var items = !getOnlyTotalCount && total > 0
            ? source.Skip(pageIndex * size).Take(size).ToList()
            : new List<T>();

        return Task.FromResult<IPagedList<T>>(new PagedList<T>(items, pageIndex, size, total));
    }
}
