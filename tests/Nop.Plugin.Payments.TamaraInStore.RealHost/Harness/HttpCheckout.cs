using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// The clerk's counter checkout (impersonating the customer) through nopCommerce's own storefront requests, the ones its
/// one-page checkout script posts: add to cart, billing address, payment method, Tamara's payment information, confirm.
/// The same pipeline as the browser (anti-forgery, nopCommerce's order placement, the plugin's session at Tamara) in
/// about a second an order instead of ten.
/// </summary>
public sealed class HttpCheckout
{
    private static readonly Regex BillingAddressOption = new(
        "<select[^>]*name=\"billing_address_id\"[^>]*>.*?<option[^>]*value=\"(\\d+)\"", RegexOptions.Singleline | RegexOptions.IgnoreCase);
    private static readonly Regex OrderDetailsLink = new(@"orderdetails/(\d+)", RegexOptions.IgnoreCase);

    private readonly NopHttpSession _clerk;
    private string _billingAddressId;

    /// <param name="clerk">an admin session already impersonating the customer</param>
    public HttpCheckout(NopHttpSession clerk) => _clerk = clerk;

    /// <summary>Places one order for the product with Tamara; returns nopCommerce's order id</summary>
    public async Task<int> PlaceTamaraOrderAsync(string phoneTyped, int quantity = 1)
    {
        // the product page (for its form's token) and the checkout page (for the address) once; the clerk's next orders
        // post straight away, as the one-page checkout's script does
        if (_billingAddressId is null)
            await _clerk.GetPageAsync("lenovo-ideacentre");
        var added = await _clerk.PostForJsonAsync($"addproducttocart/details/{Storefront.ProductId}/1",
            ($"addtocart_{Storefront.ProductId}.EnteredQuantity", quantity.ToString()));
        Assert.That(added.TryGetProperty("success", out var success) && success.GetBoolean(), Is.True, "added to the cart: " + added);

        if (_billingAddressId is null)
        {
            var address = BillingAddressOption.Match(await _clerk.GetPageAsync("onepagecheckout"));
            Assert.That(address.Success, Is.True, "the customer has a billing address to choose");
            _billingAddressId = address.Groups[1].Value;
        }

        await _clerk.PostForJsonAsync("checkout/OpcSaveBilling", ("billing_address_id", _billingAddressId));
        await _clerk.PostForJsonAsync("checkout/OpcSavePaymentMethod", ("paymentmethod", AdminUi.SystemName));
        var info = await _clerk.PostForJsonAsync("checkout/OpcSavePaymentInfo", ("PhoneNumber", phoneTyped), ("Email", Journey.CustomerEmail));
        Assert.That(info.ToString(), Does.Contain("confirm_order").IgnoreCase, "Tamara's payment information accepted");

        var confirmed = await _clerk.PostForJsonAsync("checkout/OpcConfirmOrder");
        Assert.That(confirmed.ToString(), Does.Contain("success").Or.Contain("redirect").IgnoreCase, "order confirmed: " + confirmed);

        var completed = await _clerk.GetPageAsync("checkout/completed");
        var orderId = OrderDetailsLink.Match(completed);
        Assert.That(orderId.Success, Is.True, "the completed page names the order");
        return int.Parse(orderId.Groups[1].Value);
    }
}
