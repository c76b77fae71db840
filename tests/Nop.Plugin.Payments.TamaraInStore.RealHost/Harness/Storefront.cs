using Nop.Plugin.Payments.TamaraInStore.RealHost;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// The storefront's one-page checkout, as the clerk (impersonating the customer) or a shopper goes through it.
/// Errors the checkout script shows with alert() are collected in <see cref="Dialogs"/>.
/// </summary>
public sealed class Storefront
{
    /// <summary>Sample product "Lenovo IdeaCentre" (id 3), SAR 500, not shippable in the host</summary>
    public const int ProductId = 3;
    public const decimal ProductPrice = 500m;

    private readonly IPage _page;

    public Storefront(IPage page)
    {
        _page = page;
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
    }

    public List<string> Dialogs { get; } = new();

    public async Task AddProductToCartAsync(int quantity = 1)
    {
        await _page.GotoAsync("lenovo-ideacentre");
        var quantityBox = _page.Locator($"#product_enteredQuantity_{ProductId}");
        if (quantity != 1)
            await quantityBox.FillAsync(quantity.ToString());
        await _page.ClickAsync($"#add-to-cart-button-{ProductId}");
        await _page.Locator("#bar-notification .content, .bar-notification .content").First.WaitForAsync();
    }

    /// <summary>Cart → terms of service → Checkout, then one-page checkout up to the payment method step</summary>
    public async Task StartCheckoutAsync()
    {
        await _page.GotoAsync("cart");
        var terms = _page.Locator("#termsofservice");
        if (await terms.CountAsync() > 0)
            await terms.CheckAsync();
        await _page.ClickAsync("#checkout");
        var asGuest = _page.Locator(".checkout-as-guest-button");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await asGuest.CountAsync() > 0)
            await asGuest.ClickAsync();

        await _page.WaitForURLAsync(new Regex("onepagecheckout", RegexOptions.IgnoreCase));
        var billingContinue = _page.Locator("#billing-buttons-container .new-address-next-step-button");
        await billingContinue.WaitForAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await FillNewBillingAddressIfAskedAsync();
        await billingContinue.ClickAsync();
        await PaymentMethodStep.Or(PaymentInfoStep).First.WaitForAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>A customer without a saved address is asked for one</summary>
    private async Task FillNewBillingAddressIfAskedAsync()
    {
        var city = _page.Locator("#BillingNewAddress_City:visible");
        if (await city.CountAsync() == 0 || !string.IsNullOrEmpty(await city.InputValueAsync()))
            return;

        // the state list is loaded again for the chosen country
        await _page.RunAndWaitForResponseAsync(
            () => _page.SelectOptionAsync("#BillingNewAddress_CountryId", new SelectOptionValue { Label = "Saudi Arabia" }),
            response => response.Url.Contains("GetStatesByCountryId", StringComparison.OrdinalIgnoreCase));
        await _page.WaitForTimeoutAsync(500);
        var states = _page.Locator("#BillingNewAddress_StateProvinceId option:not([value='0'])");
        if (await states.CountAsync() > 0)
            await _page.SelectOptionAsync("#BillingNewAddress_StateProvinceId", await states.First.GetAttributeAsync("value"));
        await city.FillAsync("Riyadh");
        await _page.FillAsync("#BillingNewAddress_Address1", "King Fahd Road 1");
        await _page.FillAsync("#BillingNewAddress_ZipPostalCode", "12211");
        await _page.FillAsync("#BillingNewAddress_PhoneNumber", "0551234567");
    }

    private ILocator PaymentMethodStep => _page.Locator("#checkout-step-payment-method:visible");

    /// <summary>nopCommerce skips the payment method step when only one method is offered (BypassPaymentMethodSelectionIfOnlyOne)</summary>
    private ILocator PaymentInfoStep => _page.Locator("#checkout-step-payment-info:visible");

    public async Task<IReadOnlyList<string>> PaymentMethodsOfferedAsync()
    {
        if (await PaymentInfoStep.CountAsync() > 0)
            return await PaymentInfoStep.Locator("#PhoneNumber").CountAsync() > 0 ? new[] { AdminUi.SystemName } : new[] { "another method" };

        var radios = _page.Locator("#checkout-step-payment-method input[name='paymentmethod']");
        var values = new List<string>();
        for (var i = 0; i < await radios.CountAsync(); i++)
            values.Add(await radios.Nth(i).GetAttributeAsync("value"));
        return values;
    }

    public async Task ChoosePaymentMethodAsync(string systemName)
    {
        if (await PaymentInfoStep.CountAsync() > 0)
            return;

        var radio = _page.Locator($"#checkout-step-payment-method input[name='paymentmethod'][value='{systemName}']");
        if (await radio.CountAsync() == 0)
        {
            // what a shopper can post without the page's help: the option the server did not list
            await _page.EvaluateAsync(@"name => {
                const list = document.querySelector('#co-payment-method-form');
                const input = document.createElement('input');
                input.type = 'radio'; input.name = 'paymentmethod'; input.value = name; input.id = 'injected-method';
                list.appendChild(input);
            }", systemName);
            radio = _page.Locator("#injected-method");
        }

        await radio.CheckAsync();
        await RealHostSuite.Screens.TakeAsync(_page, "checkout-payment-method");
        await _page.ClickAsync("#payment-method-buttons-container .payment-method-next-step-button");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // the payment information step, unless the checkout refused the method (then an alert, kept in Dialogs)
        await PaymentInfoStep.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 }).ContinueWith(_ => { });
    }

    public async Task FillTamaraPaymentInfoAsync(string phone, string email = null)
    {
        await _page.Locator("#checkout-step-payment-info #PhoneNumber").WaitForAsync();
        await _page.FillAsync("#checkout-step-payment-info #PhoneNumber", phone);
        if (email is not null)
            await _page.FillAsync("#checkout-step-payment-info #Email", email);
        await RealHostSuite.Screens.TakeAsync(_page, "checkout-payment-info");
        await _page.ClickAsync("#payment-info-buttons-container .payment-info-next-step-button");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>"Show a QR code here": the device id field appears, pre-filled; answers what it showed before any change</summary>
    public async Task<string> ChooseQrCodeAsync(string deviceId = null)
    {
        var step = _page.Locator("#checkout-step-payment-info");
        await step.Locator("#tamara-instore-channel-qr").CheckAsync();
        var field = step.Locator("#DeviceId");
        await field.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.That(await step.Locator("#PhoneNumber").IsVisibleAsync(), Is.False, "no phone number asked for a QR code");
        var shown = await field.InputValueAsync();
        if (deviceId is not null)
            await field.FillAsync(deviceId);
        await RealHostSuite.Screens.TakeAsync(_page, "checkout-payment-info-qr");
        await _page.ClickAsync("#payment-info-buttons-container .payment-info-next-step-button");
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return shown;
    }

    /// <summary>The counter page's QR code: its link (what a phone reads from the image) and its drawn size</summary>
    public async Task<(string Deeplink, int Width)> CounterQrCodeAsync()
    {
        var code = _page.Locator("#tamara-instore-counter .tamara-instore-qr");
        await code.WaitForAsync();
        var box = await code.Locator("img").BoundingBoxAsync();
        return (await code.GetAttributeAsync("data-deeplink"), (int)(box?.Width ?? 0));
    }

    /// <summary>The counter page's live state (pending, paid, declined, ...), as its polling last set it</summary>
    public Task<string> CounterStateAsync() => _page.Locator("#tamara-instore-status").GetAttributeAsync("data-state");

    public Task<string> CounterTextAsync() => _page.Locator("#tamara-instore-counter").InnerTextAsync();

    /// <summary>Back from the confirm step to the payment information, which nopCommerce stores again</summary>
    public async Task FillTamaraPaymentInfoAgainAsync(string phone)
    {
        await _page.Locator("#opc-payment_info .step-title, #opc-payment_info h2").First.ClickAsync();
        await FillTamaraPaymentInfoAsync(phone);
    }

    public async Task<bool> ReachedConfirmStepAsync()
    {
        var confirm = _page.Locator("#confirm-order-buttons-container .confirm-order-next-step-button");
        try
        {
            await confirm.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Confirm; returns the order id from /checkout/completed/{id}, or 0 when the checkout stays put</summary>
    public async Task<int> ConfirmAsync(int timeoutMs = 90_000)
    {
        await _page.ClickAsync("#confirm-order-buttons-container .confirm-order-next-step-button");
        try
        {
            await _page.WaitForURLAsync(new Regex("checkout/completed", RegexOptions.IgnoreCase), new PageWaitForURLOptions { Timeout = timeoutMs });
        }
        catch (TimeoutException)
        {
            await RealHostSuite.Screens.TakeAsync(_page, "checkout-not-completed");
            return 0;
        }

        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var match = Regex.Match(_page.Url, @"completed/(\d+)");
        var orderId = match.Success ? int.Parse(match.Groups[1].Value) : 0;
        if (orderId == 0)
        {
            var link = await _page.Locator("a[href*='orderdetails/']").First.GetAttributeAsync("href");
            orderId = int.Parse(Regex.Match(link ?? "", @"orderdetails/(\d+)").Groups[1].Value);
        }

        await RealHostSuite.Screens.TakeAsync(_page, $"checkout-completed-{orderId}");
        return orderId;
    }

    public async Task<string> CheckoutErrorsAsync()
    {
        var shown = await _page.Locator(".message-error, .validation-summary-errors, .field-validation-error").AllInnerTextsAsync();
        return string.Join(" | ", shown.Concat(Dialogs).Where(text => !string.IsNullOrWhiteSpace(text)));
    }

    /// <summary>Admin → "Finish impersonation" link in the storefront header bar</summary>
    public async Task FinishImpersonationAsync()
    {
        var finish = _page.Locator("a.finish-impersonation, a[href*='logout']").First;
        await finish.ClickAsync();
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
