using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Catalog;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Counter;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CounterProductLookupTests
{
    private const int StoreId = 1;

    private readonly InMemoryRepository<Product> _products = new();
    private readonly InMemoryRepository<ProductAttributeCombination> _combinations = new();
    private readonly Mock<IProductService> _productService = new();
    private readonly HashSet<int> _otherStoreOnly = new();

    private TamaraCounterProductLookup Create()
    {
        _productService.Setup(p => p.ProductIsAvailable(It.IsAny<Product>(), It.IsAny<DateTime?>()))
            .Returns((Product product, DateTime? _) => product.AvailableEndDateTimeUtc is null || product.AvailableEndDateTimeUtc > DateTime.UtcNow);
        _productService.Setup(p => p.GetProductByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => _products.Rows.FirstOrDefault(p => p.Id == id));
        var storeMapping = new Mock<IStoreMappingService>();
        storeMapping.Setup(s => s.AuthorizeAsync(It.IsAny<Product>(), It.IsAny<int>()))
            .ReturnsAsync((Product product, int storeId) => !_otherStoreOnly.Contains(product.Id));

        return new TamaraCounterProductLookup(_productService.Object, _products, _combinations, storeMapping.Object);
    }

    private Product Product(string name, string sku = null, string gtin = null, string mpn = null, bool published = true)
    {
        var product = new Product { Name = name, Sku = sku, Gtin = gtin, ManufacturerPartNumber = mpn, Published = published };
        _products.Insert(product);
        return product;
    }

    [TestCase("LEGO-1")]
    [TestCase("5702016912371")]
    [TestCase("MPN-77")]
    public async Task A_code_finds_the_product_by_its_SKU_GTIN_or_part_number(string code)
    {
        var lego = Product("Lego City", sku: "LEGO-1", gtin: "5702016912371", mpn: "MPN-77");
        Product("Lego Friends", sku: "LEGO-2");

        var found = await Create().FindAsync($"  {code} ", StoreId);

        Assert.That(found.Single().Product.Id, Is.EqualTo(lego.Id));
        Assert.That(found.Single().AttributesXml, Is.Null);
        _productService.Verify(p => p.SearchProductsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IList<int>>(), It.IsAny<IList<int>>(), It.IsAny<int>(),
            It.IsAny<int>(), It.IsAny<int>(), It.IsAny<ProductType?>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<decimal?>(), It.IsAny<decimal?>(),
            It.IsAny<int>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<int>(),
            It.IsAny<IList<SpecificationAttributeOption>>(), It.IsAny<ProductSortingEnum>(), It.IsAny<bool>(), It.IsAny<bool?>()), Times.Never);
    }

    [Test]
    public async Task An_attribute_combination_is_found_by_its_own_GTIN_with_its_attributes()
    {
        var shirt = Product("Shirt", sku: "SHIRT");
        _combinations.Insert(new ProductAttributeCombination { ProductId = shirt.Id, Sku = "SHIRT-RED-M", Gtin = "6281000000019", AttributesXml = "<Attributes red-m/>" });

        var found = await Create().FindAsync("6281000000019", StoreId);

        Assert.That(found.Single().Product.Id, Is.EqualTo(shirt.Id));
        Assert.That(found.Single().AttributesXml, Is.EqualTo("<Attributes red-m/>"));
    }

    [Test]
    public async Task An_unpublished_product_or_one_of_another_store_is_not_sold_here()
    {
        Product("Hidden", sku: "HID-1", published: false);
        var elsewhere = Product("Elsewhere", sku: "ELS-1");
        _otherStoreOnly.Add(elsewhere.Id);
        SearchFindsNothing();

        var lookup = Create();

        Assert.That(await lookup.FindAsync("HID-1", StoreId), Is.Empty);
        Assert.That(await lookup.FindAsync("ELS-1", StoreId), Is.Empty);
    }

    [Test]
    public async Task A_name_is_searched_in_the_store_through_nopCommerce_and_bounded()
    {
        var lego = Product("Lego City", sku: "LEGO-1");
        _productService.Setup(p => p.SearchProductsAsync(0, TamaraCounterProductLookup.MaxNameMatches, null, null, StoreId, 0, 0, null, true, false, null, null,
                0, "lego", false, false, false, false, 0, null, ProductSortingEnum.NameAsc, false, null))
            .ReturnsAsync(new PagedList<Product>(new List<Product> { lego }, 0, TamaraCounterProductLookup.MaxNameMatches));

        var found = await Create().FindAsync("lego", StoreId);

        Assert.That(found.Single().Product.Id, Is.EqualTo(lego.Id));
    }

    [Test]
    public async Task An_empty_or_overlong_term_finds_nothing_without_a_query()
    {
        var lookup = Create();
        var queriesBefore = _products.QueryCount;

        Assert.That(await lookup.FindAsync("   ", StoreId), Is.Empty);
        Assert.That(await lookup.FindAsync(new string('x', TamaraCounterProductLookup.MaxTermLength + 1), StoreId), Is.Empty);
        Assert.That(_products.QueryCount, Is.EqualTo(queriesBefore));
    }

    private void SearchFindsNothing() =>
        _productService.Setup(p => p.SearchProductsAsync(It.IsAny<int>(), It.IsAny<int>(), It.IsAny<IList<int>>(), It.IsAny<IList<int>>(), It.IsAny<int>(),
                It.IsAny<int>(), It.IsAny<int>(), It.IsAny<ProductType?>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<decimal?>(), It.IsAny<decimal?>(),
                It.IsAny<int>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<bool>(), It.IsAny<int>(),
                It.IsAny<IList<SpecificationAttributeOption>>(), It.IsAny<ProductSortingEnum>(), It.IsAny<bool>(), It.IsAny<bool?>()))
            .ReturnsAsync(new PagedList<Product>(new List<Product>(), 0, 8));
}
