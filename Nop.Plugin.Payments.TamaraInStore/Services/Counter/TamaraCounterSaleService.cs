using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Catalog;
using Nop.Services.Common;
using Nop.Services.Directory;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// Sends a counter sale: the pre-check, the customer, and a real nopCommerce order placed through
/// IOrderProcessingService.PlaceOrderAsync with Tamara as its payment method, so its session is made exactly as the
/// checkout makes it (TamaraCheckoutService.ProcessPaymentAsync: staff only, limits, links per phone, earlier links).
/// A failure at any step leaves no order and no payable link.
/// </summary>
public class TamaraCounterSaleService
{
    public const string SendTokenAttribute = "TamaraInStore.CounterSendToken";
    public const string SentOrderAttribute = "TamaraInStore.CounterSentOrderId";

    private const int LockAttempts = 60;
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly ICurrencyService _currencyService;
    private readonly IGenericAttributeService _genericAttributeService;
    private readonly ILocalizationService _localizationService;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly IOrderProcessingService _orderProcessingService;
    private readonly IOrderService _orderService;
    private readonly IProductService _productService;
    private readonly ISettingService _settingService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IStoreContext _storeContext;
    private readonly IWorkContext _workContext;
    private readonly TamaraCheckoutService _checkoutService;
    private readonly TamaraCounterCartService _cartService;
    private readonly TamaraCounterCustomerService _customerService;
    private readonly TamaraCounterPreCheck _preCheck;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraPhoneNumberService _phoneNumberService;
    private readonly TamaraSessionService _sessionService;

    public TamaraCounterSaleService(ICurrencyService currencyService,
        IGenericAttributeService genericAttributeService,
        ILocalizationService localizationService,
        ILocker locker,
        ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        IProductService productService,
        ISettingService settingService,
        IShoppingCartService shoppingCartService,
        IStoreContext storeContext,
        IWorkContext workContext,
        TamaraCheckoutService checkoutService,
        TamaraCounterCartService cartService,
        TamaraCounterCustomerService customerService,
        TamaraCounterPreCheck preCheck,
        TamaraOrderSyncService orderSyncService,
        TamaraPhoneNumberService phoneNumberService,
        TamaraSessionService sessionService)
    {
        _currencyService = currencyService;
        _genericAttributeService = genericAttributeService;
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _productService = productService;
        _settingService = settingService;
        _shoppingCartService = shoppingCartService;
        _storeContext = storeContext;
        _workContext = workContext;
        _checkoutService = checkoutService;
        _cartService = cartService;
        _customerService = customerService;
        _preCheck = preCheck;
        _orderSyncService = orderSyncService;
        _phoneNumberService = phoneNumberService;
        _sessionService = sessionService;
    }

    /// <summary>The token the page sends back with Send; a new one each time the page is given the cart</summary>
    public virtual async Task<string> IssueSendTokenAsync()
    {
        var sale = await _cartService.GetSaleCustomerAsync();
        if (sale is null)
            return null;

        var token = Guid.NewGuid().ToString("N");
        await _genericAttributeService.SaveAttributeAsync(sale, SendTokenAttribute, token, (await _storeContext.GetCurrentStoreAsync()).Id);
        return token;
    }

    public virtual async Task<TamaraCounterSendResult> SendAsync(TamaraCounterSendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);

        var phone = _phoneNumberService.Normalize(request.PhoneNumber, settings.CountryCode);
        if (phone is null)
            return Refused(null, [string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneInvalid"), settings.CountryCode)]);

        var sale = await _cartService.GetSaleCustomerAsync();
        if (sale is null)
            return await FailedAsync("Plugins.Payments.TamaraInStore.CounterSale.EmptyCart");

        // one sale, one order: a second click (or a second tab) waits for the first and is told its order; two tills
        // selling to one phone number at once take turns, so the earlier links rule of the checkout sees the first
        TamaraCounterSendResult result = null;
        var ran = await TamaraOrderLock.TryRunAsync(_locker, $"counter-phone-{phone}", async () =>
            result = await SendExclusiveAsync(request, settings, store.Id, sale, phone), LockAttempts, LockRetryDelay);

        return ran && result is not null ? result : await FailedAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.InProgress");
    }

    private async Task<TamaraCounterSendResult> SendExclusiveAsync(TamaraCounterSendRequest request, TamaraInStoreSettings settings, int storeId,
        Customer sale, string phone)
    {
        var token = await _genericAttributeService.GetAttributeAsync<string>(sale, SendTokenAttribute, storeId);
        if (string.IsNullOrEmpty(token) || !string.Equals(token, request.SendToken, StringComparison.Ordinal))
        {
            var sentOrderId = await _genericAttributeService.GetAttributeAsync<int>(sale, SentOrderAttribute, storeId);
            if (sentOrderId > 0 && await _orderService.GetOrderByIdAsync(sentOrderId) is { } sent)
                return new TamaraCounterSendResult { Outcome = TamaraCounterSendOutcome.AlreadySent, OrderId = sent.Id, CustomOrderNumber = sent.CustomOrderNumber };

            return await FailedAsync("Plugins.Payments.TamaraInStore.CounterSale.PageOutdated");
        }

        // the token is spent before anything is sent; a refusal below gives the page a new one
        await _genericAttributeService.SaveAttributeAsync<string>(sale, SendTokenAttribute, null, storeId);

        var cart = await _cartService.CartOfAsync(sale);
        if (cart.Count == 0)
            return await FailedAsync("Plugins.Payments.TamaraInStore.CounterSale.EmptyCart");

        var priced = await _cartService.PriceAsync(sale);
        if (priced.TotalAmount is not decimal totalPrimary)
            return await FailedAsync("Plugins.Payments.TamaraInStore.CounterSale.NoTotal");

        var currency = await _workContext.GetWorkingCurrencyAsync();
        var total = await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(totalPrimary, currency);
        var preCheck = await _preCheck.CheckAsync(settings, phone, total, currency.CurrencyCode);
        if (!preCheck.MaySend)
            return new TamaraCounterSendResult { Outcome = TamaraCounterSendOutcome.NoPlan, PreCheck = preCheck };

        var found = await _customerService.FindByPhoneAsync(phone, settings.CountryCode);
        var newCustomer = found is null;
        var customer = found ?? sale;
        // a sale refused earlier may have registered its own customer: it is found by the number and sold to as it is
        var isSale = customer.Id == sale.Id;
        var setAside = new List<ShoppingCartItem>();
        var orderGuid = Guid.Empty;
        try
        {
            if (newCustomer)
                await _customerService.RegisterAsync(customer, phone, request.Name, storeId);

            if (!isSale)
            {
                // the customer's own online cart is kept aside: the order holds exactly what was sold at the counter
                setAside.AddRange(await _cartService.CartOfAsync(customer));
                foreach (var item in setAside)
                    await _shoppingCartService.DeleteShoppingCartItemAsync(item, resetCheckoutData: false);

                await _shoppingCartService.MigrateShoppingCartAsync(sale, customer, includeCouponCodes: false);
            }

            await _cartService.SetHandoverAsync(customer, storeId);
            var requiresShipping = await _shoppingCartService.ShoppingCartRequiresShippingAsync(await _cartService.CartOfAsync(customer));
            await _customerService.PrepareAddressesAsync(customer, phone, request.Email, request.Name, settings.CountryCode, requiresShipping);

            var paymentRequest = await PaymentRequestAsync(request, customer, storeId, phone);
            orderGuid = paymentRequest.OrderGuid;

            PlaceOrderResult placed;
            var staff = await _workContext.GetCurrentCustomerAsync();
            using (TamaraStaffOrderEntry.BeginCounterSale(staff.Id, request.Till))
                placed = await _orderProcessingService.PlaceOrderAsync(paymentRequest);

            if (placed.Success && placed.PlacedOrder is { } order)
            {
                // what nopCommerce's checkout does after placing: the plugin links its session to the order (never throws)
                await _checkoutService.PostProcessPaymentAsync(new PostProcessPaymentRequest { Order = order });
                await _genericAttributeService.SaveAttributeAsync(sale, SentOrderAttribute, order.Id, storeId);
                await _cartService.EndSaleAsync();
                await _logger.InformationAsync($"Tamara in-store: counter sale placed as order {order.Id} by staff member {staff.Id}");

                return new TamaraCounterSendResult
                {
                    Outcome = TamaraCounterSendOutcome.Sent,
                    OrderId = order.Id,
                    CustomOrderNumber = order.CustomOrderNumber,
                    PreCheck = preCheck,
                    CustomerName = TamaraCounterCustomerService.DisplayName(customer),
                    MaskedPhone = TamaraCounterCustomerService.MaskedPhone(phone),
                    NewCustomer = newCustomer
                };
            }

            await UndoAsync(orderGuid, "the counter sale was not placed");
            await GiveBackAsync(sale, customer, isSale);
            return Refused(preCheck, placed.Errors);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: the counter sale of staff member {(await _workContext.GetCurrentCustomerAsync()).Id} failed", exception);
            await UndoAsync(orderGuid, "the counter sale failed");
            await GiveBackAsync(sale, customer, isSale);
            return Refused(preCheck,
                [string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.Failed"), exception.Message)]);
        }
        finally
        {
            await RestoreSetAsideAsync(customer, setAside, storeId);
        }
    }

    private async Task<ProcessPaymentRequest> PaymentRequestAsync(TamaraCounterSendRequest request, Customer customer, int storeId, string phone)
    {
        var paymentRequest = new ProcessPaymentRequest
        {
            StoreId = storeId,
            CustomerId = customer.Id,
            PaymentMethodSystemName = TamaraInStoreDefaults.SystemName
        };
        Add(paymentRequest, TamaraInStoreDefaults.CustomValueNames.Channel, request.Qr ? TamaraInStoreDefaults.Channels.Qr : TamaraInStoreDefaults.Channels.Sms);
        Add(paymentRequest, TamaraInStoreDefaults.CustomValueNames.Locale, await _checkoutService.DefaultLocaleAsync());
        if (request.Qr)
        {
            Add(paymentRequest, TamaraInStoreDefaults.CustomValueNames.DeviceId, request.DeviceId?.Trim());
        }
        else
        {
            Add(paymentRequest, TamaraInStoreDefaults.CustomValueNames.PhoneNumber, phone);
            Add(paymentRequest, TamaraInStoreDefaults.CustomValueNames.PaymentType, TamaraInStoreDefaults.PaymentTypes.PayByInstalments);
            if (TamaraCounterCustomerService.IsValidEmail(request.Email))
                Add(paymentRequest, TamaraInStoreDefaults.CustomValueNames.Email, request.Email.Trim());
        }

        return paymentRequest;
    }

    private static void Add(ProcessPaymentRequest request, string name, string value) =>
        request.CustomValues.Add(new CustomValue(name, value ?? string.Empty, CustomValueDisplayLocation.Payment, displayToCustomer: false));

    /// <summary>
    /// nopCommerce can fail after it saved the order (PlaceOrderAsync catches, logs and answers errors): such an order is
    /// cancelled, which voids its link through the plugin's cancel handling; a link made for an order that was never saved
    /// is voided here. Either way no payable link is left.
    /// </summary>
    private async Task UndoAsync(Guid orderGuid, string reason)
    {
        if (orderGuid == Guid.Empty)
            return;

        try
        {
            if (await _orderService.GetOrderByGuidAsync(orderGuid) is { } saved && _orderProcessingService.CanCancelOrder(saved))
                await _orderProcessingService.CancelOrderAsync(saved, notifyCustomer: false);

            foreach (var session in await _sessionService.GetSessionsByOrderGuidAsync(orderGuid))
            {
                if (session.State == Domain.TamaraSessionState.Pending && !string.IsNullOrEmpty(session.TamaraOrderId))
                    await _orderSyncService.VoidSessionAsync(session, reason);
            }
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: undoing the counter sale of checkout {orderGuid} failed", exception);
        }
    }

    /// <summary>The counter's items go back to the sale, so the clerk can correct and send again</summary>
    private async Task GiveBackAsync(Customer sale, Customer customer, bool isSale)
    {
        try
        {
            if (!isSale)
                await _shoppingCartService.MigrateShoppingCartAsync(customer, sale, includeCouponCodes: false);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: the counter's items could not be moved back from customer {customer?.Id}", exception);
        }
    }

    private async Task RestoreSetAsideAsync(Customer customer, IList<ShoppingCartItem> setAside, int storeId)
    {
        foreach (var item in setAside)
        {
            try
            {
                var product = await _productService.GetProductByIdAsync(item.ProductId);
                if (product is null)
                    continue;

                var warnings = await _shoppingCartService.AddToCartAsync(customer, product, ShoppingCartType.ShoppingCart, storeId, item.AttributesXml,
                    item.CustomerEnteredPrice, item.RentalStartDateUtc, item.RentalEndDateUtc, item.Quantity, addRequiredProducts: false);
                if (warnings.Count > 0)
                    await _logger.WarningAsync($"Tamara in-store: an item of customer {customer.Id}'s own cart could not be put back: {string.Join("; ", warnings)}");
            }
            catch (Exception exception)
            {
                await _logger.ErrorAsync($"Tamara in-store: an item of customer {customer.Id}'s own cart could not be put back", exception);
            }
        }
    }

    private static TamaraCounterSendResult Refused(TamaraCounterPreCheckResult preCheck, IList<string> errors) =>
        new() { Outcome = TamaraCounterSendOutcome.Failed, PreCheck = preCheck, Errors = errors.ToList() };

    private async Task<TamaraCounterSendResult> FailedAsync(string resourceKey) =>
        new() { Outcome = TamaraCounterSendOutcome.Failed, Errors = [await _localizationService.GetResourceAsync(resourceKey)] };
}
