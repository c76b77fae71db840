using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>Checks session requests as Tamara's reference schema describes them, plus the simulator's business rules (see README).</summary>
internal sealed class SessionRequestValidator(SimulatorOptions options)
{
    private const decimal AmountTolerance = 0.01m;

    /// <summary>POST /checkout/in-store-session (customer gets an SMS).</summary>
    public (NewSession? Session, IResult? Error) ValidateSmsSession(JsonObject body)
    {
        var issues = new ValidationIssues();
        var total = MoneyReader.Read(body["total_amount"], "total_amount", issues, required: true);
        var currency = CheckTotal(total, "total_amount", issues);
        var country = Currencies.CountryOf(currency ?? "SAR");

        var rawPhone = RequestJson.ReadString(body, "phone_number", issues, required: true, maxLength: 32);
        string? phone = null;
        if (rawPhone is not null)
        {
            phone = PhoneNumbers.Normalize(rawPhone, country);
            if (phone is null)
            {
                issues.Invalid("invalid_phone_number", $"phone_number '{rawPhone}' is not a valid {country} mobile number");
            }
        }

        var reference = RequestJson.ReadString(body, "order_reference_id", issues, required: true);
        var common = ReadCommon(body, issues);
        var items = ReadItems(body["items"], currency, issues);
        var shipping = ReadOptionalAmount(body["shipping_amount"], "shipping_amount", currency, issues);
        var tax = ReadOptionalAmount(body["tax_amount"], "tax_amount", currency, issues);
        var (discountMoney, discountName) = MoneyReader.ReadDiscount(body["discount_amount"], issues);
        var discount = CheckCurrency(discountMoney, "discount_amount", currency, issues);
        var email = RequestJson.ReadString(body, "email", issues, required: false);

        if (options.EnforceAmountSum && total is not null && items is not null && !issues.Any)
        {
            var expected = items.Sum(i => i.TotalAmount.Amount) + shipping - discount;
            if (Math.Abs(expected - total.Amount) > AmountTolerance)
            {
                issues.Rule("total_amount_mismatch",
                    $"total_amount {total.Amount} does not equal the sum of item total_amount plus shipping_amount minus discount_amount ({expected})");
            }
        }

        if (issues.Any)
        {
            return (null, issues.ToResult());
        }

        return (new NewSession
        {
            Channel = "sms",
            Currency = currency!,
            CountryCode = country,
            TotalAmount = total!.Amount,
            ShippingAmount = shipping,
            TaxAmount = tax,
            DiscountAmount = discount,
            DiscountName = discountName,
            PhoneNumber = phone,
            Email = email,
            OrderReferenceId = reference,
            OrderNumber = common.OrderNumber,
            Description = common.Description,
            Locale = common.Locale,
            PaymentType = common.PaymentType,
            ExpiryMinutes = common.ExpiryMinutes,
            Items = items!,
            AdditionalData = common.AdditionalData,
        }, null);
    }

    /// <summary>POST /checkout/in-store (QR shown on a POS device).</summary>
    public (NewSession? Session, IResult? Error) ValidateQrSession(JsonObject body, string? deviceId)
    {
        var issues = new ValidationIssues();
        if (string.IsNullOrWhiteSpace(deviceId))
        {
            issues.Invalid("device_id_required", "The X-Device-Id header is required");
        }

        Money? amount;
        if (RequestJson.TryReadDecimal(body["amount"], out var plain))
        {
            // Unsure whether a plain number is accepted; taken as SAR.
            amount = new Money(plain, "SAR");
        }
        else
        {
            amount = MoneyReader.Read(body["amount"], "amount", issues, required: true);
        }

        var currency = CheckTotal(amount, "amount", issues);
        var platform = RequestJson.ReadString(body, "platform", issues, required: true, maxLength: RequestSchema.PlatformMaxLength);
        var reference = RequestJson.ReadString(body, "order_reference_id", issues, required: false);
        var common = ReadCommon(body, issues);
        if (issues.Any)
        {
            return (null, issues.ToResult());
        }

        return (new NewSession
        {
            Channel = "qr",
            Currency = currency!,
            CountryCode = Currencies.CountryOf(currency!),
            TotalAmount = amount!.Amount,
            OrderReferenceId = reference,
            OrderNumber = common.OrderNumber,
            Description = common.Description,
            Locale = common.Locale,
            PaymentType = common.PaymentType,
            ExpiryMinutes = common.ExpiryMinutes,
            DeviceId = deviceId,
            Platform = platform,
            AdditionalData = common.AdditionalData,
        }, null);
    }

    private string? CheckTotal(Money? total, string field, ValidationIssues issues)
    {
        if (total is null)
        {
            return null;
        }

        if (!options.EffectiveCurrencies.Contains(total.Currency))
        {
            issues.Rule("currency_not_supported", $"Currency {total.Currency} is not supported");
            return null;
        }

        if (total.Amount <= 0m)
        {
            issues.Invalid($"invalid_{field}", $"{field}.amount must be positive");
        }
        else if (total.Amount < options.MinAmount)
        {
            issues.Rule("amount_below_minimum", $"{field} {total.Amount} is below the minimum {options.MinAmount}");
        }
        else if (total.Amount > options.MaxAmount)
        {
            issues.Rule("amount_above_maximum", $"{field} {total.Amount} is above the maximum {options.MaxAmount}");
        }

        return total.Currency;
    }

    private static CommonFields ReadCommon(JsonObject body, ValidationIssues issues)
    {
        var orderNumber = RequestJson.ReadString(body, "order_number", issues, required: false);
        var description = RequestJson.ReadString(body, "description", issues, required: false, maxLength: 4096);
        var locale = RequestSchema.ReadEnum(body, "locale", RequestSchema.Locales, issues);
        var paymentType = RequestSchema.ReadEnum(body, "payment_type", RequestSchema.PaymentTypes, issues) ?? RequestSchema.PaymentTypes[0];

        int? expiry = null;
        if (body["expiry_time"] is { } expiryNode)
        {
            if (RequestJson.TryReadInt(expiryNode, out var minutes) && minutes is >= 5 and <= 1440)
            {
                expiry = minutes;
            }
            else
            {
                issues.Invalid("invalid_expiry_time", "expiry_time must be a whole number of minutes between 5 and 1440");
            }
        }

        var additional = RequestSchema.ReadAdditionalData(body, issues);
        return new CommonFields(orderNumber, description, locale, paymentType, expiry, additional);
    }

    private static List<SimOrderItem>? ReadItems(JsonNode? node, string? currency, ValidationIssues issues)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            issues.Invalid("items_required", "items must be a non-empty list");
            return null;
        }

        var items = new List<SimOrderItem>();
        for (var i = 0; i < array.Count; i++)
        {
            if (ReadItem(array[i], $"items[{i}]", currency, issues) is { } item)
            {
                items.Add(item);
            }
        }

        return items.Count == array.Count ? items : null;
    }

    private static SimOrderItem? ReadItem(JsonNode? node, string path, string? currency, ValidationIssues issues)
    {
        if (node is not JsonObject item)
        {
            issues.Invalid("invalid_item", $"{path} must be an object");
            return null;
        }

        var name = ItemString(item, "name", path, RequestSchema.NameMaxLength, issues);
        var type = ItemString(item, "type", path, 255, issues);
        var referenceId = ItemString(item, "reference_id", path, 255, issues);
        var sku = ItemString(item, "sku", path, RequestSchema.SkuMaxLength, issues);
        var imageUrl = RequestSchema.ReadUrl(item, "image_url", path, issues);
        var itemUrl = RequestSchema.ReadUrl(item, "item_url", path, issues);
        if (!RequestJson.TryReadInt(item["quantity"], out var quantity) || quantity < 1)
        {
            issues.Invalid("invalid_item_quantity", $"{path}.quantity must be a whole number of at least 1");
        }

        var total = CheckCurrency(MoneyReader.Read(item["total_amount"], "item_total_amount", issues, required: true),
            $"{path}.total_amount", currency, issues);
        var unitPrice = MoneyReader.Read(item["unit_price"], "item_unit_price", issues, required: false);
        var tax = MoneyReader.Read(item["tax_amount"], "item_tax_amount", issues, required: false);
        var discount = MoneyReader.Read(item["discount_amount"], "item_discount_amount", issues, required: false);
        foreach (var (money, field) in new[] { (unitPrice, "unit_price"), (tax, "tax_amount"), (discount, "discount_amount") })
        {
            CheckCurrency(money, $"{path}.{field}", currency, issues);
        }

        if (name is null || type is null || referenceId is null || sku is null || quantity < 1 || item["total_amount"] is not JsonObject)
        {
            return null;
        }

        return new SimOrderItem(name, type, referenceId, sku, quantity,
            new Money(total, currency ?? "SAR"), unitPrice, tax, discount, imageUrl, itemUrl);
    }

    private static string? ItemString(JsonObject item, string field, string path, int maxLength, ValidationIssues issues)
    {
        var node = item[field];
        if (node is null || node.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(node.GetValue<string>()))
        {
            issues.Invalid($"item_{field}_required", $"{path}.{field} is required");
            return null;
        }

        var value = node.GetValue<string>();
        if (value.Length > maxLength)
        {
            issues.Invalid($"invalid_item_{field}", $"{path}.{field} must be at most {maxLength} characters");
            return null;
        }

        return value;
    }

    private static decimal ReadOptionalAmount(JsonNode? node, string field, string? currency, ValidationIssues issues) =>
        CheckCurrency(MoneyReader.Read(node, field, issues, required: false), field, currency, issues);

    /// <summary>Returns the amount (0 when absent) after checking its currency matches the order's.</summary>
    private static decimal CheckCurrency(Money? money, string field, string? currency, ValidationIssues issues)
    {
        if (money is null)
        {
            return 0m;
        }

        if (currency is not null && money.Currency != currency)
        {
            issues.Rule("currency_mismatch", $"{field} is in {money.Currency} but total_amount is in {currency}");
        }

        return money.Amount;
    }

    private sealed record CommonFields(
        string? OrderNumber,
        string? Description,
        string? Locale,
        string PaymentType,
        int? ExpiryMinutes,
        JsonObject? AdditionalData);
}
