using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Shipping;
using Nop.Core.Domain.Tax;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Customers;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// The counter's cart: a nopCommerce shopping cart of a guest customer nopCommerce creates for the sale, one open sale per
/// staff member and store (kept in a generic attribute of the staff member, so a page cannot name another customer's cart).
/// Items are added, changed and removed through nopCommerce's shopping cart service, with its warnings; prices, discounts,
/// tax and the total come from its calculation services.
/// </summary>
public class TamaraCounterCartService
{
    public const string SaleCustomerAttribute = "TamaraInStore.CounterSaleCustomerId";

    private readonly ICustomerService _customerService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IPriceFormatter _priceFormatter;
    private readonly IProductService _productService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IStoreContext _storeContext;
    private readonly ITaxService _taxService;
    private readonly IWorkContext _workContext;
    private readonly TamaraCounterProductLookup _lookup;

    public TamaraCounterCartService(ICustomerService customerService,
        IGenericAttributeService genericAttributeService,
        ILocalizationService localizationService,
        IOrderTotalCalculationService orderTotalCalculationService,
        IPriceFormatter priceFormatter,
        IProductService productService,
        IShoppingCartService shoppingCartService,
        IStoreContext storeContext,
        ITaxService taxService,
        IWorkContext workContext,
        TamaraCounterProductLookup lookup)
    {
        _customerService = customerService;
        _genericAttributeService = genericAttributeService;
        _localizationService = localizationService;
        _orderTotalCalculationService = orderTotalCalculationService;
        _priceFormatter = priceFormatter;
        _productService = productService;
        _shoppingCartService = shoppingCartService;
        _storeContext = storeContext;
        _taxService = taxService;
        _workContext = workContext;
        _lookup = lookup;
    }

    #region The sale

    /// <summary>The guest customer of the staff member's open sale in this store; null when there is none</summary>
    public virtual async Task<Customer> GetSaleCustomerAsync()
    {
        var (staff, storeId) = await StaffAndStoreAsync();
        var id = await _genericAttributeService.GetAttributeAsync<int>(staff, SaleCustomerAttribute, storeId);
        if (id <= 0)
            return null;

        var customer = await _customerService.GetCustomerByIdAsync(id);
        return customer is { Deleted: false } ? customer : null;
    }

    private async Task<Customer> GetOrStartSaleCustomerAsync()
    {
        if (await GetSaleCustomerAsync() is { } existing)
            return existing;

        var (staff, storeId) = await StaffAndStoreAsync();
        var customer = await _customerService.InsertGuestCustomerAsync();
        customer.RegisteredInStoreId = storeId;
        await _customerService.UpdateCustomerAsync(customer);
        await SetHandoverAsync(customer, storeId);
        await _genericAttributeService.SaveAttributeAsync(staff, SaleCustomerAttribute, customer.Id, storeId);
        return customer;
    }

    /// <summary>Ends the staff member's sale in this store: the next item starts a new one</summary>
    public virtual async Task EndSaleAsync()
    {
        var (staff, storeId) = await StaffAndStoreAsync();
        await _genericAttributeService.SaveAttributeAsync(staff, SaleCustomerAttribute, 0, storeId);
    }

    /// <summary>
    /// The goods leave the shop with the customer: nopCommerce's shipping total is the rate of the selected shipping
    /// option, so the sale's customer gets a free one named for the counter (PlaceOrderAsync then needs a shipping
    /// address for a cart of shippable products; the sale sets it to the billing address)
    /// </summary>
    public virtual async Task SetHandoverAsync(Customer customer, int storeId)
    {
        await _genericAttributeService.SaveAttributeAsync(customer, NopCustomerDefaults.SelectedShippingOptionAttribute, new ShippingOption
        {
            Name = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.Handover"),
            Rate = decimal.Zero,
            IsPickupInStore = false
        }, storeId);
    }

    private async Task<(Customer Staff, int StoreId)> StaffAndStoreAsync()
    {
        var staff = await _workContext.GetCurrentCustomerAsync();
        var store = await _storeContext.GetCurrentStoreAsync();
        return (staff, store.Id);
    }

    #endregion

    #region Items

    /// <summary>
    /// Adds one of what the term names (a scanned or typed code, or a name naming exactly one product). A name matching
    /// several products adds nothing and lists them.
    /// </summary>
    public virtual async Task<TamaraCounterAddResult> AddAsync(string term)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var matches = await _lookup.FindAsync(term, store.Id);
        if (matches.Count == 0)
            return TamaraCounterAddResult.NotAdded([string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.NotFound"), term?.Trim())]);

        if (matches.Count > 1)
            return TamaraCounterAddResult.Choose(matches);

        return await AddMatchAsync(matches[0], store.Id);
    }

    /// <summary>Adds one of a product chosen from a list of names</summary>
    public virtual async Task<TamaraCounterAddResult> AddProductAsync(int productId)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var product = await _productService.GetProductByIdAsync(productId);
        if (product is not { Deleted: false, Published: true } || !await _lookup.IsSoldHereAsync(product, store.Id))
            return TamaraCounterAddResult.NotAdded([string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.NotFound"), productId)]);

        var match = new TamaraCounterProductMatch(product, null);
        return await AddMatchAsync(match, store.Id);
    }

    private async Task<TamaraCounterAddResult> AddMatchAsync(TamaraCounterProductMatch match, int storeId)
    {
        var customer = await GetOrStartSaleCustomerAsync();

        // nopCommerce adds to the line of the same product and attributes: scanning again adds one more
        var warnings = await _shoppingCartService.AddToCartAsync(customer, match.Product, ShoppingCartType.ShoppingCart, storeId,
            match.AttributesXml, quantity: 1);

        return warnings.Count == 0 ? TamaraCounterAddResult.AddedOne(match) : TamaraCounterAddResult.NotAdded(warnings);
    }

    /// <summary>Sets a line's quantity (0 removes it); nopCommerce's warnings when it refuses</summary>
    public virtual async Task<IList<string>> SetQuantityAsync(int itemId, int quantity)
    {
        var customer = await GetSaleCustomerAsync();
        var item = customer is null ? null : (await CartOfAsync(customer)).FirstOrDefault(line => line.Id == itemId);
        if (item is null)
            return [await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.LineGone")];

        if (quantity <= 0)
        {
            await _shoppingCartService.DeleteShoppingCartItemAsync(item);
            return [];
        }

        return await _shoppingCartService.UpdateShoppingCartItemAsync(customer, item.Id, item.AttributesXml, item.CustomerEnteredPrice,
            item.RentalStartDateUtc, item.RentalEndDateUtc, quantity);
    }

    public virtual async Task ClearAsync()
    {
        var customer = await GetSaleCustomerAsync();
        if (customer is null)
            return;

        foreach (var item in await CartOfAsync(customer))
            await _shoppingCartService.DeleteShoppingCartItemAsync(item);
    }

    public virtual async Task<IList<ShoppingCartItem>> CartOfAsync(Customer customer)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        return await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, store.Id);
    }

    #endregion

    #region Prices

    /// <summary>The open sale's cart, priced by nopCommerce; empty when there is no sale</summary>
    public virtual async Task<TamaraCounterCart> GetCartAsync()
    {
        var customer = await GetSaleCustomerAsync();
        return customer is null ? new TamaraCounterCart() : await PriceAsync(customer);
    }

    /// <summary>A customer's cart priced by nopCommerce's services, shown as the store's tax display asks</summary>
    public virtual async Task<TamaraCounterCart> PriceAsync(Customer customer)
    {
        var cart = await CartOfAsync(customer);
        if (cart.Count == 0)
            return new TamaraCounterCart();

        var includingTax = await _workContext.GetTaxDisplayTypeAsync() == TaxDisplayType.IncludingTax;
        var lines = new List<TamaraCounterCartLine>();
        foreach (var item in cart)
        {
            var product = await _productService.GetProductByIdAsync(item.ProductId);
            var (unitPrice, _, _) = await _shoppingCartService.GetUnitPriceAsync(item, true);
            var (subTotal, _, _, _) = await _shoppingCartService.GetSubTotalAsync(item, true);
            var (shownUnit, _) = await _taxService.GetProductPriceAsync(product, unitPrice, includingTax, customer);
            var (shownSubTotal, _) = await _taxService.GetProductPriceAsync(product, subTotal, includingTax, customer);

            lines.Add(new TamaraCounterCartLine(item.Id, item.ProductId, product?.Name, product?.Sku, item.Quantity,
                await _priceFormatter.FormatPriceAsync(shownUnit), await _priceFormatter.FormatPriceAsync(shownSubTotal), []));
        }

        var (discount, _, _, subTotalWithDiscount, _) = await _orderTotalCalculationService.GetShoppingCartSubTotalAsync(cart, includingTax);
        var (tax, _) = await _orderTotalCalculationService.GetTaxTotalAsync(cart, usePaymentMethodAdditionalFee: false);
        var (total, orderDiscount, _, _, _, _) = await _orderTotalCalculationService.GetShoppingCartTotalAsync(cart, useRewardPoints: false, usePaymentMethodAdditionalFee: false);

        return new TamaraCounterCart
        {
            Lines = lines,
            SubTotal = await _priceFormatter.FormatPriceAsync(subTotalWithDiscount),
            Discount = discount + orderDiscount > decimal.Zero ? await _priceFormatter.FormatPriceAsync(discount + orderDiscount) : null,
            Tax = await _priceFormatter.FormatPriceAsync(tax),
            Total = total.HasValue ? await _priceFormatter.FormatPriceAsync(total.Value) : null,
            TotalAmount = total
        };
    }

    #endregion
}
