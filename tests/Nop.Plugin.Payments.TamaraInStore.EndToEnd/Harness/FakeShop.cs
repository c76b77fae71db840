using Moq;
using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Discounts;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Services.Catalog;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>
/// The counter of one store selling in SAR: a staff member impersonating the customer, one cart, prices that already
/// include VAT, no shipping. Texts answer with their resource key.
/// </summary>
public class FakeShop
{
    public const int CustomerId = 7;

    private readonly List<ShoppingCartItem> _cart = new();
    private readonly Dictionary<int, Product> _products = new();

    public FakeShop()
    {
        Customer = new Customer { Id = CustomerId, Email = "customer@example.com" };
        var staff = new Customer { Id = 1, Email = "clerk@example.com" };

        WorkContext.Setup(context => context.GetWorkingCurrencyAsync()).ReturnsAsync(Sar);
        WorkContext.Setup(context => context.GetWorkingLanguageAsync()).ReturnsAsync(new Language { Id = 1, LanguageCulture = "en-US" });
        // as nopCommerce's WebWorkContext: impersonation is known once the current customer has been resolved
        var resolved = false;
        WorkContext.Setup(context => context.GetCurrentCustomerAsync()).Callback(() => resolved = true).ReturnsAsync(() => Customer);
        WorkContext.Setup(context => context.OriginalCustomerIfImpersonated).Returns(() => resolved ? staff : null);
        StoreContext.Setup(context => context.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = StoreSettings.StoreId });
        Customers.Setup(service => service.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync(Customer);
        Products.Setup(service => service.GetProductByIdAsync(It.IsAny<int>()))
            .ReturnsAsync((int id) => _products.GetValueOrDefault(id));

        Cart.Setup(service => service.GetShoppingCartAsync(It.IsAny<Customer>(), It.IsAny<ShoppingCartType?>(), It.IsAny<int>(),
                It.IsAny<int?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int?>()))
            .ReturnsAsync(() => (IList<ShoppingCartItem>)_cart.ToList());
        Cart.Setup(service => service.GetUnitPriceAsync(It.IsAny<ShoppingCartItem>(), It.IsAny<bool>()))
            .ReturnsAsync((ShoppingCartItem item, bool _) => (_products[item.ProductId].Price, 0m, new List<Discount>()));
        Cart.Setup(service => service.GetSubTotalAsync(It.IsAny<ShoppingCartItem>(), It.IsAny<bool>()))
            .ReturnsAsync((ShoppingCartItem item, bool _) => (_products[item.ProductId].Price * item.Quantity, 0m, new List<Discount>(), (int?)null));
        Tax.Setup(service => service.GetProductPriceAsync(It.IsAny<Product>(), It.IsAny<decimal>(), It.IsAny<bool>(), It.IsAny<Customer>()))
            .ReturnsAsync((Product _, decimal price, bool _, Customer _) => (price, 0m));
        Totals.Setup(service => service.GetShoppingCartShippingTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), It.IsAny<bool>()))
            .ReturnsAsync((0m, 0m, new List<Discount>()));

        Currencies.Setup(service => service.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>()))
            .ReturnsAsync((decimal amount, Currency _) => amount);
        Currencies.Setup(service => service.GetCurrencyByIdAsync(It.IsAny<int>())).ReturnsAsync(Sar);
        Localization.Setup(service => service.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => key);
    }

    public static Currency Sar { get; } = new() { Id = 1, CurrencyCode = "SAR", Rate = 1m, Name = "Saudi riyal" };

    public Customer Customer { get; }

    public CurrencySettings CurrencySettings { get; } = new() { PrimaryStoreCurrencyId = 1 };

    public Mock<IWorkContext> WorkContext { get; } = new();

    public Mock<IStoreContext> StoreContext { get; } = new();

    public Mock<ICustomerService> Customers { get; } = new();

    public Mock<IProductService> Products { get; } = new();

    public Mock<IShoppingCartService> Cart { get; } = new();

    public Mock<ITaxService> Tax { get; } = new();

    public Mock<IOrderTotalCalculationService> Totals { get; } = new();

    public Mock<ICurrencyService> Currencies { get; } = new();

    public Mock<ILocalizationService> Localization { get; } = new();

    /// <summary>Empties the cart and puts one product of <paramref name="price"/> in it</summary>
    public void CartWorth(decimal price)
    {
        lock (_cart)
        {
            _cart.Clear();
            var product = new Product { Id = _products.Count + 1, Name = "Espresso machine", Sku = "ESP-" + (_products.Count + 1), Price = price, IsShipEnabled = true };
            _products[product.Id] = product;
            _cart.Add(new ShoppingCartItem { Id = product.Id, ProductId = product.Id, Quantity = 1, CustomerId = CustomerId, StoreId = StoreSettings.StoreId });
        }
    }
}
