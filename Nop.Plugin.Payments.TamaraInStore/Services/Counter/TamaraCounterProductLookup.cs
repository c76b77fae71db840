using Nop.Core.Domain.Catalog;
using Nop.Data;
using Nop.Services.Catalog;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// Finds what the counter's search box names in the current store: a code (SKU, GTIN or manufacturer part number of a
/// product, SKU or GTIN of an attribute combination) first, then a bounded search by name through nopCommerce's own
/// product search (published, available, mapped to the store)
/// </summary>
public class TamaraCounterProductLookup
{
    /// <summary>At most this many products are listed for a name</summary>
    public const int MaxNameMatches = 8;

    /// <summary>Codes are at most this long (nopCommerce's SKU and GTIN columns are 400)</summary>
    public const int MaxTermLength = 400;

    private readonly IProductService _productService;
    private readonly IRepository<Product> _productRepository;
    private readonly IRepository<ProductAttributeCombination> _combinationRepository;
    private readonly IStoreMappingService _storeMappingService;

    public TamaraCounterProductLookup(IProductService productService,
        IRepository<Product> productRepository,
        IRepository<ProductAttributeCombination> combinationRepository,
        IStoreMappingService storeMappingService)
    {
        _productService = productService;
        _productRepository = productRepository;
        _combinationRepository = combinationRepository;
        _storeMappingService = storeMappingService;
    }

    /// <summary>
    /// The product an exact code names, or else the products whose name contains the term; empty when nothing the store
    /// sells matches
    /// </summary>
    public virtual async Task<IList<TamaraCounterProductMatch>> FindAsync(string term, int storeId)
    {
        term = term?.Trim();
        if (string.IsNullOrEmpty(term) || term.Length > MaxTermLength)
            return [];

        if (await FindByCodeAsync(term, storeId) is { } byCode)
            return [byCode];

        var byName = await _productService.SearchProductsAsync(pageIndex: 0, pageSize: MaxNameMatches, storeId: storeId,
            visibleIndividuallyOnly: true, keywords: term, searchDescriptions: false, searchManufacturerPartNumber: false,
            searchSku: false, orderBy: ProductSortingEnum.NameAsc);

        return byName.Select(product => new TamaraCounterProductMatch(product, null)).ToList();
    }

    /// <summary>
    /// Exact look-ups on single columns (a scanner sends a code and Enter): the product's SKU, GTIN or manufacturer part
    /// number, then a combination's SKU or GTIN. The plugin's index migration indexes each of them.
    /// </summary>
    private async Task<TamaraCounterProductMatch> FindByCodeAsync(string code, int storeId)
    {
        var products = await _productRepository.Table
            .Where(product => !product.Deleted && product.Published
                && (product.Sku == code || product.Gtin == code || product.ManufacturerPartNumber == code))
            .OrderBy(product => product.Id)
            .Take(MaxNameMatches)
            .ToListAsync();

        foreach (var product in products)
        {
            if (await IsSoldHereAsync(product, storeId))
                return new TamaraCounterProductMatch(product, null);
        }

        var combinations = await _combinationRepository.Table
            .Where(combination => combination.Sku == code || combination.Gtin == code)
            .OrderBy(combination => combination.Id)
            .Take(MaxNameMatches)
            .ToListAsync();

        foreach (var combination in combinations)
        {
            var product = await _productService.GetProductByIdAsync(combination.ProductId);
            if (product is { Deleted: false, Published: true } && await IsSoldHereAsync(product, storeId))
                return new TamaraCounterProductMatch(product, combination.AttributesXml);
        }

        return null;
    }

    public virtual async Task<bool> IsSoldHereAsync(Product product, int storeId) =>
        _productService.ProductIsAvailable(product) && await _storeMappingService.AuthorizeAsync(product, storeId);
}
