using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Services.Catalog;
using Nop.Services.Orders;
using Nop.Services.Tax;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Reads the product lines and shipping of a cart (before the order exists) or of a placed order, in the primary store currency
/// </summary>
public class TamaraOrderLineReader
{
    private readonly IOrderService _orderService;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly IProductService _productService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly ITaxService _taxService;

    public TamaraOrderLineReader(IOrderService orderService,
        IOrderTotalCalculationService orderTotalCalculationService,
        IProductService productService,
        IShoppingCartService shoppingCartService,
        ITaxService taxService)
    {
        _orderService = orderService;
        _orderTotalCalculationService = orderTotalCalculationService;
        _productService = productService;
        _shoppingCartService = shoppingCartService;
        _taxService = taxService;
    }

    /// <summary>Prices the cart the way order placement does: cart prices, then tax for the customer</summary>
    public virtual async Task<TamaraOrderAmounts> FromCartAsync(IList<ShoppingCartItem> cart, Customer customer)
    {
        var lines = new List<TamaraOrderLine>();

        foreach (var item in cart ?? [])
        {
            var product = await _productService.GetProductByIdAsync(item.ProductId);
            if (product is null)
                continue;

            var (unitPrice, _, _) = await _shoppingCartService.GetUnitPriceAsync(item, false);
            var (subTotal, discount, _, _) = await _shoppingCartService.GetSubTotalAsync(item, true);

            var (unitPriceInclTax, _) = await _taxService.GetProductPriceAsync(product, unitPrice, true, customer);
            var (totalInclTax, _) = await _taxService.GetProductPriceAsync(product, subTotal, true, customer);
            var (totalExclTax, _) = await _taxService.GetProductPriceAsync(product, subTotal, false, customer);
            var (discountInclTax, _) = await _taxService.GetProductPriceAsync(product, discount, true, customer);

            lines.Add(Line(product, item.Quantity, unitPriceInclTax, discountInclTax, totalInclTax - totalExclTax, totalInclTax));
        }

        var (shipping, _, _) = await _orderTotalCalculationService.GetShoppingCartShippingTotalAsync(cart, true);

        return new TamaraOrderAmounts(lines, shipping ?? decimal.Zero);
    }

    public virtual async Task<TamaraOrderAmounts> FromOrderAsync(Order order)
    {
        var lines = new List<TamaraOrderLine>();

        foreach (var item in await _orderService.GetOrderItemsAsync(order.Id))
        {
            var product = await _productService.GetProductByIdAsync(item.ProductId);
            if (product is null)
                continue;

            lines.Add(Line(product, item.Quantity, item.UnitPriceInclTax, item.DiscountAmountInclTax,
                item.PriceInclTax - item.PriceExclTax, item.PriceInclTax));
        }

        return new TamaraOrderAmounts(lines, order.OrderShippingInclTax);
    }

    private static TamaraOrderLine Line(Product product, int quantity, decimal unitPrice, decimal discount, decimal tax, decimal total) =>
        new(product.Name,
            product.Sku,
            product.Id.ToString(),
            product.IsShipEnabled && !product.IsDownload,
            quantity,
            unitPrice,
            discount,
            tax,
            total);
}
