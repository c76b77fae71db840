using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Builds the body of POST /checkout/in-store-session so that the item totals plus shipping equal the total amount exactly
/// </summary>
/// <remarks>
/// Each amount is converted and rounded to the currency's minor unit on its own, and the order total also contains things that
/// are not product lines (order-level discounts, gift cards, reward points, payment fees, checkout attributes). The difference
/// between the rounded total and (item totals + shipping) is therefore made explicit:
/// - total is higher: one extra item line, <see cref="TamaraInStoreDefaults.AdjustmentReferenceId"/>, carries the difference;
/// - total is lower: the difference becomes additional item discount (discount_amount up, total_amount down), spread over the
///   items in proportion to their totals, then taken from shipping; no amount ever goes negative, which Tamara would refuse.
/// </remarks>
public class TamaraSessionRequestBuilder
{
    private const int MaxNameLength = 255;
    private const int MaxSkuLength = 128;

    public virtual CreateInStoreSessionRequest Build(TamaraSessionRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var currency = input.CurrencyCode;
        var (items, shipping) = BuildAmounts(input.Amounts, input.CurrencyRate, input.TotalAmount, currency, input.AdjustmentName);

        return new CreateInStoreSessionRequest
        {
            TotalAmount = new TamaraMoney(TamaraMoneyRounding.Round(input.TotalAmount, currency), currency),
            PhoneNumber = input.PhoneNumber,
            Email = input.Email,
            OrderReferenceId = input.OrderReferenceId,
            OrderNumber = input.OrderNumber,
            Items = items,
            ShippingAmount = shipping > decimal.Zero ? new TamaraMoney(shipping, currency) : null,
            Locale = input.Locale,
            PaymentType = input.PaymentType,
            ExpiryTime = input.ExpiryMinutes > 0 ? input.ExpiryMinutes : null,
            AdditionalData = string.IsNullOrWhiteSpace(input.StoreCode) ? null : new TamaraAdditionalData { StoreCode = input.StoreCode.Trim() }
        };
    }

    /// <summary>
    /// The body of POST /checkout/in-store (a QR code shown at a POS device): the total, the platform, references, language and branch;
    /// that endpoint takes no items, phone or e-mail
    /// </summary>
    public virtual CreateInStoreQrSessionRequest BuildQr(TamaraSessionRequestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        var currency = input.CurrencyCode;
        return new CreateInStoreQrSessionRequest
        {
            Amount = new TamaraMoney(TamaraMoneyRounding.Round(input.TotalAmount, currency), currency),
            Platform = TamaraQrPlatform.ValueOrDefault(input.QrPlatform),
            OrderReferenceId = input.OrderReferenceId,
            OrderNumber = input.OrderNumber,
            Locale = input.Locale,
            AdditionalData = string.IsNullOrWhiteSpace(input.StoreCode) ? null : new TamaraAdditionalData { StoreCode = input.StoreCode.Trim() }
        };
    }

    /// <summary>
    /// Converted, rounded items and shipping whose sum is exactly the rounded total
    /// </summary>
    public static (List<TamaraItem> Items, decimal Shipping) BuildAmounts(TamaraOrderAmounts amounts, decimal rate,
        decimal totalAmount, string currency, string adjustmentName)
    {
        decimal Convert(decimal amount) => TamaraMoneyRounding.Round(amount * rate, currency);

        var items = (amounts?.Lines ?? []).Select(line => new TamaraItem
        {
            Name = Truncate(line.Name, MaxNameLength),
            Sku = Truncate(string.IsNullOrWhiteSpace(line.Sku) ? line.ReferenceId : line.Sku, MaxSkuLength),
            ReferenceId = line.ReferenceId,
            Type = line.IsPhysical ? "Physical" : "Digital",
            Quantity = line.Quantity,
            UnitPrice = new TamaraMoney(Convert(line.UnitPrice), currency),
            DiscountAmount = new TamaraMoney(Convert(line.DiscountAmount), currency),
            TaxAmount = new TamaraMoney(Convert(line.TaxAmount), currency),
            TotalAmount = new TamaraMoney(Math.Max(decimal.Zero, Convert(line.TotalAmount)), currency)
        }).ToList();

        var shipping = Math.Max(decimal.Zero, Convert(amounts?.ShippingAmount ?? decimal.Zero));
        var total = TamaraMoneyRounding.Round(totalAmount, currency);
        var difference = total - items.Sum(item => item.TotalAmount.Amount) - shipping;

        if (difference > decimal.Zero)
            items.Add(AdjustmentItem(difference, currency, adjustmentName));
        else if (difference < decimal.Zero)
            shipping = TakeFromItemsThenShipping(items, shipping, -difference, currency);

        return (items, shipping);
    }

    private static TamaraItem AdjustmentItem(decimal amount, string currency, string name) => new()
    {
        Name = Truncate(string.IsNullOrWhiteSpace(name) ? "Adjustment" : name, MaxNameLength),
        Sku = TamaraInStoreDefaults.AdjustmentReferenceId,
        ReferenceId = TamaraInStoreDefaults.AdjustmentReferenceId,
        Type = "Digital",
        Quantity = 1,
        UnitPrice = new TamaraMoney(amount, currency),
        DiscountAmount = new TamaraMoney(decimal.Zero, currency),
        TaxAmount = new TamaraMoney(decimal.Zero, currency),
        TotalAmount = new TamaraMoney(amount, currency)
    };

    /// <summary>Lowers item totals (as extra discount) in proportion to their size, then shipping; returns the new shipping</summary>
    private static decimal TakeFromItemsThenShipping(List<TamaraItem> items, decimal shipping, decimal amount, string currency)
    {
        var minorUnit = TamaraMoneyRounding.MinorUnit(currency);
        var itemsTotal = items.Sum(item => item.TotalAmount.Amount);
        var remaining = amount;

        if (itemsTotal > decimal.Zero)
        {
            var toTakeFromItems = Math.Min(amount, itemsTotal);

            // proportional shares rounded down to the minor unit, so no item gives more than its share
            foreach (var item in items)
            {
                var share = Math.Floor(toTakeFromItems * item.TotalAmount.Amount / itemsTotal / minorUnit) * minorUnit;
                remaining -= Take(item, Math.Min(share, remaining));
            }

            // what rounding down left over, one item after another (largest first)
            foreach (var item in items.OrderByDescending(item => item.TotalAmount.Amount))
            {
                if (remaining <= decimal.Zero)
                    break;

                remaining -= Take(item, Math.Min(item.TotalAmount.Amount, remaining));
            }
        }

        return shipping - Math.Min(shipping, remaining);
    }

    private static decimal Take(TamaraItem item, decimal amount)
    {
        if (amount <= decimal.Zero)
            return decimal.Zero;

        item.TotalAmount.Amount -= amount;
        item.DiscountAmount.Amount += amount;
        return amount;
    }

    private static string Truncate(string value, int maxLength) =>
        string.IsNullOrEmpty(value) || value.Length <= maxLength ? value : value[..maxLength];
}
