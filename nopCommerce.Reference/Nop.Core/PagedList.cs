namespace Nop.Core;

// Working in-memory paging, so that fakes and tests can produce real pages.
[Serializable]
public partial class PagedList<T> : List<T>, IPagedList<T>
{
    public PagedList(IList<T> source, int pageIndex, int pageSize, int? totalCount = null)
    {
        var size = Math.Max(pageSize, 1);
        var total = totalCount ?? source.Count;

        PageIndex = pageIndex;
        PageSize = size;
        TotalCount = total;
        TotalPages = total / size + (total % size > 0 ? 1 : 0);

        if (totalCount.HasValue)
            AddRange(source);
        else
            AddRange(source.Skip(pageIndex * size).Take(size));
    }

    public int PageIndex { get; }

    public int PageSize { get; }

    public int TotalCount { get; }

    public int TotalPages { get; }

    public bool HasPreviousPage => PageIndex > 0;

    public bool HasNextPage => PageIndex + 1 < TotalPages;
}
