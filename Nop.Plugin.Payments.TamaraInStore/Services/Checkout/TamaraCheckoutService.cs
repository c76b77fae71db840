using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Caching;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Validators;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// Order entry: who may pay with Tamara, the payment-info step, and the Tamara session behind a placed order
/// </summary>
public class TamaraCheckoutService
{
    private const int CheckoutLockAttempts = 30;
    private static readonly TimeSpan CheckoutLockRetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly ICurrencyService _currencyService;
    private readonly ICustomerService _customerService;
    private readonly ILocalizationService _localizationService;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly IOrderService _orderService;
    private readonly IOrderTotalCalculationService _orderTotalCalculationService;
    private readonly ISettingService _settingService;
    private readonly IShoppingCartService _shoppingCartService;
    private readonly IStoreContext _storeContext;
    private readonly ITamaraClient _tamaraClient;
    private readonly IWorkContext _workContext;
    private readonly TamaraOrderLineReader _lineReader;
    private readonly TamaraOrderSyncService _orderSyncService;
    private readonly TamaraPaymentTypesService _paymentTypesService;
    private readonly TamaraPhoneNumberService _phoneNumberService;
    private readonly TamaraSessionCreator _sessionCreator;
    private readonly TamaraSessionRequestBuilder _requestBuilder;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraTillDevice _tillDevice;
    private readonly TimeProvider _timeProvider;

    public TamaraCheckoutService(ICurrencyService currencyService,
        ICustomerService customerService,
        ILocalizationService localizationService,
        ILocker locker,
        ILogger logger,
        IOrderService orderService,
        IOrderTotalCalculationService orderTotalCalculationService,
        ISettingService settingService,
        IShoppingCartService shoppingCartService,
        IStoreContext storeContext,
        ITamaraClient tamaraClient,
        IWorkContext workContext,
        TamaraOrderLineReader lineReader,
        TamaraOrderSyncService orderSyncService,
        TamaraPaymentTypesService paymentTypesService,
        TamaraPhoneNumberService phoneNumberService,
        TamaraSessionCreator sessionCreator,
        TamaraSessionRequestBuilder requestBuilder,
        TamaraSessionService sessionService,
        TamaraTillDevice tillDevice,
        TimeProvider timeProvider)
    {
        _currencyService = currencyService;
        _customerService = customerService;
        _localizationService = localizationService;
        _locker = locker;
        _logger = logger;
        _orderService = orderService;
        _orderTotalCalculationService = orderTotalCalculationService;
        _settingService = settingService;
        _shoppingCartService = shoppingCartService;
        _storeContext = storeContext;
        _tamaraClient = tamaraClient;
        _workContext = workContext;
        _lineReader = lineReader;
        _orderSyncService = orderSyncService;
        _paymentTypesService = paymentTypesService;
        _phoneNumberService = phoneNumberService;
        _sessionCreator = sessionCreator;
        _requestBuilder = requestBuilder;
        _sessionService = sessionService;
        _tillDevice = tillDevice;
        _timeProvider = timeProvider;
    }

    #region Who sees Tamara

    public virtual async Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);
        var currency = await _workContext.GetWorkingCurrencyAsync();

        if (await CheckoutRefusalAsync(settings, currency) is not null)
            return true;

        if (cart is null || cart.Count == 0)
            return false;

        var total = await GetCartTotalAsync(cart, currency);
        if (await TotalRefusalAsync(settings, total, currency.CurrencyCode) is not null)
            return true;

        // when Tamara cannot be asked, the limits are left to Tamara, which refuses at session creation with its reason
        var paymentTypes = await _paymentTypesService.GetPaymentTypesAsync(settings, store.Id, currency.CurrencyCode);
        return paymentTypes is not null && !paymentTypes.Any(type => TamaraPaymentTypesService.Accepts(type, total));
    }

    /// <summary>
    /// Why Tamara may not be used for this checkout: not configured, a shopper on their own while Tamara is offered only to
    /// staff, or a currency other than the merchant country's; null when it may. nopCommerce asks HidePaymentMethodAsync only
    /// to list the payment methods, so the payment-info step and ProcessPaymentAsync ask this again.
    /// </summary>
    private async Task<string> CheckoutRefusalAsync(TamaraInStoreSettings settings, Currency currency)
    {
        if (string.IsNullOrWhiteSpace(settings.ApiToken))
            return await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.Unavailable");

        if (settings.OfferOnlyToStaff && !await _workContext.IsStaffOrderEntryAsync())
            return await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.StaffOnly");

        if (!IsCurrencySupported(currency?.CurrencyCode, settings.CountryCode))
            return string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.CurrencyNotSupported"), currency?.CurrencyCode);

        return null;
    }

    /// <summary>The store's lowest and highest order totals for Tamara (0 = no limit), in the order currency; null when within</summary>
    private async Task<string> TotalRefusalAsync(TamaraInStoreSettings settings, decimal total, string currencyCode)
    {
        if (settings.MinOrderTotal > decimal.Zero && total < settings.MinOrderTotal)
            return string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.BelowMinimum"), settings.MinOrderTotal, currencyCode);

        if (settings.MaxOrderTotal > decimal.Zero && total > settings.MaxOrderTotal)
            return string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.AboveMaximum"), settings.MaxOrderTotal, currencyCode);

        return null;
    }

    /// <summary>
    /// Tamara's currencies, narrowed to the one of the merchant's country when it is set
    /// </summary>
    public static bool IsCurrencySupported(string currencyCode, string countryCode)
    {
        if (string.IsNullOrEmpty(currencyCode) || !TamaraInStoreDefaults.SupportedCurrencies.Contains(currencyCode.ToUpperInvariant()))
            return false;

        if (string.IsNullOrWhiteSpace(countryCode))
            return true;

        return TamaraInStoreDefaults.CountryCurrencies.TryGetValue(countryCode.Trim(), out var countryCurrency)
            && string.Equals(countryCurrency, currencyCode, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The cart total in the order (working) currency; the subtotal while shipping is not chosen yet</summary>
    public virtual async Task<decimal> GetCartTotalAsync(IList<ShoppingCartItem> cart, Currency currency)
    {
        var (total, _, _, _, _, _) = await _orderTotalCalculationService.GetShoppingCartTotalAsync(cart, usePaymentMethodAdditionalFee: false);
        if (!total.HasValue)
        {
            var (_, _, _, subTotalWithDiscount, _) = await _orderTotalCalculationService.GetShoppingCartSubTotalAsync(cart, true);
            total = subTotalWithDiscount;
        }

        return await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(total.Value, currency);
    }

    #endregion

    #region Payment-info step

    public virtual async Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);

        // whoever may not use Tamara learns only that, not what is wrong with the phone number they typed
        var currency = await _workContext.GetWorkingCurrencyAsync();
        var refusal = await CheckoutRefusalAsync(settings, currency);
        if (refusal is not null)
            return [refusal];

        var validator = new PaymentInfoValidator(_localizationService, _phoneNumberService, settings);
        var result = await validator.ValidateAsync(PaymentInfoForm.Read(form));
        var errors = result.Errors.Select(error => error.ErrorMessage).ToList();

        var customer = await _workContext.GetCurrentCustomerAsync();
        var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, store.Id);
        if (cart.Count > 0 && await TotalRefusalAsync(settings, await GetCartTotalAsync(cart, currency), currency.CurrencyCode) is { } totalRefusal)
            errors.Add(totalRefusal);

        return errors;
    }

    public virtual async Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);
        var model = PaymentInfoForm.Read(form);

        var request = new ProcessPaymentRequest();
        if (model.IsQr)
        {
            // this till keeps the device id it used, whatever the store's default
            var deviceId = model.DeviceId.Trim();
            AddValue(request, TamaraInStoreDefaults.CustomValueNames.Channel, TamaraInStoreDefaults.Channels.Qr);
            AddValue(request, TamaraInStoreDefaults.CustomValueNames.DeviceId, deviceId);
            _tillDevice.Remember(deviceId);
        }
        else
        {
            AddValue(request, TamaraInStoreDefaults.CustomValueNames.Channel, TamaraInStoreDefaults.Channels.Sms);
            AddValue(request, TamaraInStoreDefaults.CustomValueNames.PhoneNumber, _phoneNumberService.Normalize(model.PhoneNumber, settings.CountryCode));
            AddValue(request, TamaraInStoreDefaults.CustomValueNames.Email, model.Email);
            // POST /checkout/in-store takes no payment type: the customer chooses it in Tamara's app
            AddValue(request, TamaraInStoreDefaults.CustomValueNames.PaymentType,
                string.IsNullOrEmpty(model.PaymentType) ? TamaraInStoreDefaults.PaymentTypes.PayByInstalments : model.PaymentType);
        }
        AddValue(request, TamaraInStoreDefaults.CustomValueNames.Locale,
            string.IsNullOrEmpty(model.Locale) ? await DefaultLocaleAsync() : model.Locale);

        return request;
    }

    /// <summary>Arabic when the shop is shown in Arabic, English otherwise</summary>
    public virtual async Task<string> DefaultLocaleAsync()
    {
        var language = await _workContext.GetWorkingLanguageAsync();
        return language?.LanguageCulture?.StartsWith("ar", StringComparison.OrdinalIgnoreCase) == true
            ? TamaraInStoreDefaults.Locales.Arabic
            : TamaraInStoreDefaults.Locales.English;
    }

    private static void AddValue(ProcessPaymentRequest request, string name, string value)
    {
        request.CustomValues.Remove(name);
        request.CustomValues.Add(new CustomValue(name, value ?? string.Empty, CustomValueDisplayLocation.Payment, displayToCustomer: false));
    }

    private static string GetValue(ProcessPaymentRequest request, string name) =>
        request.CustomValues is not null && request.CustomValues.TryGetValue(name, out var value) ? value.Value : null;

    private static bool IsQr(ProcessPaymentRequest request) =>
        string.Equals(GetValue(request, TamaraInStoreDefaults.CustomValueNames.Channel), TamaraInStoreDefaults.Channels.Qr, StringComparison.OrdinalIgnoreCase);

    /// <summary>The phone number of an SMS checkout; null for a QR one</summary>
    private static string PhoneOf(ProcessPaymentRequest request) =>
        IsQr(request) ? null : GetValue(request, TamaraInStoreDefaults.CustomValueNames.PhoneNumber);

    #endregion

    #region Placing the order

    /// <summary>
    /// Runs before the order exists: creates (or reuses) the Tamara session; a refusal keeps the order from being placed
    /// </summary>
    public virtual async Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        // earlier links of this cart are closed before the checkout's lock is taken: each void holds its Tamara order's
        // lock, and locks are never nested
        try
        {
            // a phone at its limit is refused before earlier links are closed, so the customer keeps the link they have
            if (await NewLinkRefusalAsync(processPaymentRequest) is { } limitRefusal)
                return Error(new ProcessPaymentResult(), limitRefusal);

            var closeError = await CloseEarlierLinksAsync(processPaymentRequest);
            if (closeError is not null)
                return Error(new ProcessPaymentResult(), closeError);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: closing the earlier links of checkout {processPaymentRequest.OrderGuid} failed", exception);
            return Error(new ProcessPaymentResult(), string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.Failed"), exception.Message));
        }

        // a confirm button pressed twice, or two tabs: the second waits for the first and then finds its live session,
        // so the customer is never texted twice for one checkout
        ProcessPaymentResult result = null;
        var ran = await TamaraOrderLock.TryRunAsync(_locker, $"checkout-{processPaymentRequest.OrderGuid}",
            async () => result = await ProcessPaymentExclusiveAsync(processPaymentRequest),
            CheckoutLockAttempts, CheckoutLockRetryDelay);

        if (ran && result is not null)
            return result;

        return Error(new ProcessPaymentResult(), await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.InProgress"));
    }

    private async Task<ProcessPaymentResult> ProcessPaymentExclusiveAsync(ProcessPaymentRequest processPaymentRequest)
    {
        var result = new ProcessPaymentResult();
        try
        {
            var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(processPaymentRequest.StoreId);
            var currency = await _workContext.GetWorkingCurrencyAsync();
            if (await CheckoutRefusalAsync(settings, currency) is { } refusal)
                return await RefuseAsync(result, processPaymentRequest, refusal);

            var currencyCode = currency.CurrencyCode.ToUpperInvariant();
            var total = TamaraMoneyRounding.Round(await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(processPaymentRequest.OrderTotal, currency), currencyCode);
            if (await TotalRefusalAsync(settings, total, currencyCode) is { } totalRefusal)
                return await RefuseAsync(result, processPaymentRequest, totalRefusal);

            var isQr = IsQr(processPaymentRequest);
            var phone = PhoneOf(processPaymentRequest);
            var email = isQr ? null : GetValue(processPaymentRequest, TamaraInStoreDefaults.CustomValueNames.Email);
            var deviceId = isQr ? GetValue(processPaymentRequest, TamaraInStoreDefaults.CustomValueNames.DeviceId) : null;
            if (isQr && string.IsNullOrWhiteSpace(settings.DeviceId))
                return await RefuseAsync(result, processPaymentRequest, await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.QrNotOffered"));
            if (isQr && !TamaraDeviceId.IsValid(deviceId))
                return Error(result, await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.DeviceIdRequired"));
            if (!isQr && (string.IsNullOrEmpty(phone) || string.IsNullOrEmpty(email)))
                return Error(result, await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PaymentInfoMissing"));

            var sessions = await _sessionService.GetSessionsByOrderGuidAsync(processPaymentRequest.OrderGuid);
            var previous = sessions.LastOrDefault();

            if (await IsReusableAsync(previous, processPaymentRequest))
            {
                // nopCommerce reuses the order GUID when a checkout is retried: the customer already has this link
                await _logger.InformationAsync($"Tamara in-store: reusing the live session of Tamara order {previous.TamaraOrderId} for a retried checkout");
                return Success(result, previous);
            }

            // a link of another total appeared since the earlier links were closed (a second tab): never leave two payable
            if (IsLive(previous))
                return Error(result, await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PreviousLinkNotCanceled"));

            var customer = await _customerService.GetCustomerByIdAsync(processPaymentRequest.CustomerId);
            var cart = await _shoppingCartService.GetShoppingCartAsync(customer, ShoppingCartType.ShoppingCart, processPaymentRequest.StoreId);

            var input = new TamaraSessionRequestInput
            {
                Amounts = await _lineReader.FromCartAsync(cart, customer),
                CurrencyRate = await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(decimal.One, currency),
                CurrencyCode = currencyCode,
                TotalAmount = total,
                PhoneNumber = phone,
                Email = email,
                Locale = GetValue(processPaymentRequest, TamaraInStoreDefaults.CustomValueNames.Locale) ?? await DefaultLocaleAsync(),
                PaymentType = GetValue(processPaymentRequest, TamaraInStoreDefaults.CustomValueNames.PaymentType) ?? TamaraInStoreDefaults.PaymentTypes.PayByInstalments,
                OrderReferenceId = TamaraSessionCreator.ReferenceIdFor(processPaymentRequest.OrderGuid, sessions.Count),
                // the custom order number does not exist yet; PostProcessPaymentAsync updates the reference once it does
                OrderNumber = processPaymentRequest.OrderGuid.ToString(),
                StoreCode = settings.StoreCode,
                QrPlatform = settings.QrPlatform,
                ExpiryMinutes = settings.SessionLifetimeMinutes,
                AdjustmentName = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.AdjustmentItem")
            };
            var template = new TamaraSession
            {
                StoreId = processPaymentRequest.StoreId,
                CustomerId = processPaymentRequest.CustomerId,
                OrderGuid = processPaymentRequest.OrderGuid
            };

            var (session, error) = isQr
                ? await _sessionCreator.CreateQrAsync(settings, deviceId.Trim(), _requestBuilder.BuildQr(input), template)
                : await _sessionCreator.CreateAsync(settings, _requestBuilder.Build(input), template);

            return error is null ? Success(result, session) : Error(result, error);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: payment for checkout {processPaymentRequest.OrderGuid} failed", exception);
            return Error(result, string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.Failed"), exception.Message));
        }
    }

    /// <summary>A live link of this checkout (same order GUID) for the same total, phone and currency</summary>
    private async Task<bool> IsReusableAsync(TamaraSession session, ProcessPaymentRequest processPaymentRequest)
    {
        if (!IsLive(session) || session.OrderGuid != processPaymentRequest.OrderGuid || !SameChannel(session, processPaymentRequest))
            return false;

        var currency = await _workContext.GetWorkingCurrencyAsync();
        if (currency is null || !string.Equals(session.CurrencyCode, currency.CurrencyCode, StringComparison.OrdinalIgnoreCase))
            return false;

        var total = TamaraMoneyRounding.Round(await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(processPaymentRequest.OrderTotal, currency), session.CurrencyCode);
        return session.Amount == total;
    }

    /// <summary>The same way to the customer: the same phone number, or a QR code at the same device</summary>
    private static bool SameChannel(TamaraSession session, ProcessPaymentRequest processPaymentRequest)
    {
        if (IsQr(processPaymentRequest))
            return session.Channel == TamaraSessionChannel.Qr
                && string.Equals(session.DeviceId, GetValue(processPaymentRequest, TamaraInStoreDefaults.CustomValueNames.DeviceId)?.Trim(), StringComparison.Ordinal);

        return session.Channel == TamaraSessionChannel.Sms && session.PhoneNumber == PhoneOf(processPaymentRequest);
    }

    private bool IsLive(TamaraSession session) =>
        session is not null
        && session.State == TamaraSessionState.Pending
        && !string.IsNullOrEmpty(session.TamaraOrderId)
        && session.ExpiresOnUtc > _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Closes every link still open for this customer's cart at this store before a new one is sent: the same checkout with
    /// another total, or a retry that nopCommerce gave a new order GUID (it does 180 s after the first one). Each is read at
    /// Tamara and voided there; a link the customer already paid stops the checkout.
    /// </summary>
    /// <returns>A message for the clerk when the checkout must stop; null when every earlier link is closed</returns>
    private async Task<string> NewLinkRefusalAsync(ProcessPaymentRequest processPaymentRequest)
    {
        var previous = (await _sessionService.GetSessionsByOrderGuidAsync(processPaymentRequest.OrderGuid)).LastOrDefault();
        if (await IsReusableAsync(previous, processPaymentRequest))
            return null;

        // a QR code texts nobody: no phone number, no limit
        if (IsQr(processPaymentRequest))
            return null;

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(processPaymentRequest.StoreId);
        return await _sessionCreator.LinkLimitRefusalAsync(settings, PhoneOf(processPaymentRequest));
    }

    private async Task<string> CloseEarlierLinksAsync(ProcessPaymentRequest processPaymentRequest)
    {
        var earlier = await _sessionService.GetUnplacedPendingSessionsAsync(processPaymentRequest.CustomerId, processPaymentRequest.StoreId);
        foreach (var session in earlier)
        {
            // a retried Confirm of this very checkout keeps its link
            if (session.OrderGuid == processPaymentRequest.OrderGuid && await IsReusableAsync(session, processPaymentRequest))
                continue;

            // its order exists (nopCommerce saved it but did not finish placing it): that link belongs to a placed order
            if (session.OrderGuid != processPaymentRequest.OrderGuid && await _orderService.GetOrderByGuidAsync(session.OrderGuid) is not null)
                continue;

            var voided = await _orderSyncService.VoidSessionAsync(session, "a new link was requested for the same cart");
            if (voided.Succeeded || voided.SessionState is TamaraSessionState.Declined or TamaraSessionState.Expired or TamaraSessionState.Canceled)
                continue;

            if (voided.SessionState is TamaraSessionState.Paid or TamaraSessionState.NeedsAttention)
            {
                await _logger.ErrorAsync($"Tamara in-store: checkout {processPaymentRequest.OrderGuid} stopped: the customer already paid the earlier link " +
                    $"of this cart, Tamara order {session.TamaraOrderId} ({TamaraMoneyRounding.Format(session.Amount, session.CurrencyCode)})");
                return string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PreviousLinkPaid"),
                    session.TamaraOrderId);
            }

            await _logger.WarningAsync($"Tamara in-store: the earlier link of this cart, Tamara order {session.TamaraOrderId}, could not be voided ({voided.Outcome} {voided.Error})");
            return await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PreviousLinkNotCanceled");
        }

        return null;
    }

    private static ProcessPaymentResult Success(ProcessPaymentResult result, TamaraSession session)
    {
        result.NewPaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Pending;
        result.AuthorizationTransactionId = session.TamaraOrderId;
        result.AuthorizationTransactionResult = "Tamara session created";
        return result;
    }

    private async Task<ProcessPaymentResult> RefuseAsync(ProcessPaymentResult result, ProcessPaymentRequest request, string refusal)
    {
        await _logger.WarningAsync($"Tamara in-store: payment refused for customer {request.CustomerId} in store {request.StoreId} " +
            $"before anything was sent to Tamara: {refusal}");
        return Error(result, refusal);
    }

    private static ProcessPaymentResult Error(ProcessPaymentResult result, string error)
    {
        result.AddError(error);
        return result;
    }

    #endregion

    #region After the order is placed

    /// <summary>
    /// Links the session to the placed order and notes it. Never throws: the order exists whatever happens here.
    /// </summary>
    /// <remarks>
    /// With UpdateOrderReferenceId on, Tamara's order_reference_id becomes the custom order number (what the merchant sees in
    /// Tamara's reports). The GUID reference was only needed to recover a lost answer before the order existed; after this,
    /// a placed order is found at Tamara by its Tamara order id or by its custom order number.
    /// </remarks>
    public virtual async Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest)
    {
        var order = postProcessPaymentRequest?.Order;
        if (order is null)
            return;

        try
        {
            var session = await _sessionService.GetLatestSessionByOrderGuidAsync(order.OrderGuid);
            if (session is null)
            {
                await AddNoteAsync(order, await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Notes.NoSession"));
                return;
            }

            session = await LinkUnderOrderLockAsync(session, order);

            await AddSessionCreatedNoteAsync(order, session);

            var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
            if (settings.UpdateOrderReferenceId && !string.IsNullOrEmpty(session.TamaraOrderId) && !string.IsNullOrEmpty(order.CustomOrderNumber))
                await UpdateReferenceAsync(settings, order, session);
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: linking the session of order {order.Id} failed", exception);
            await TryAddNoteAsync(order, "Plugins.Payments.TamaraInStore.Checkout.Notes.PostProcessFailed", exception.Message);
        }
    }

    /// <summary>
    /// Links the session to the order holding the Tamara order's lock: the order sync saves whole sessions under it, so an
    /// unlocked write could be overwritten by a sync that read the session before. If the lock stays busy, the sync
    /// itself links the order by its GUID at its next read.
    /// </summary>
    private async Task<TamaraSession> LinkUnderOrderLockAsync(TamaraSession session, Order order)
    {
        if (string.IsNullOrEmpty(session.TamaraOrderId))
        {
            session.OrderId = order.Id;
            await _sessionService.UpdateSessionAsync(session);
            return session;
        }

        var linked = session;
        var ran = await TamaraOrderLock.TryRunAsync(_locker, session.TamaraOrderId, async () =>
        {
            linked = await _sessionService.GetSessionByIdAsync(session.Id);
            if (linked.OrderId == order.Id)
                return;

            linked.OrderId = order.Id;
            await _sessionService.UpdateSessionAsync(linked);
        }, CheckoutLockAttempts, CheckoutLockRetryDelay);

        if (!ran)
            await _logger.WarningAsync($"Tamara in-store: order {order.Id} could not be linked to Tamara order {session.TamaraOrderId} now (busy); the order sync links it by its order GUID");

        return linked;
    }

    private async Task UpdateReferenceAsync(TamaraInStoreSettings settings, Order order, TamaraSession session)
    {
        try
        {
            await _tamaraClient.UpdateOrderReferenceIdAsync(settings, session.TamaraOrderId, order.CustomOrderNumber);
            await AddNoteAsync(order, string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Notes.ReferenceUpdated"), order.CustomOrderNumber));
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: the reference of Tamara order {session.TamaraOrderId} was not updated", exception);
            await AddNoteAsync(order, string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Notes.ReferenceNotUpdated"), exception.Message));
        }
    }

    /// <summary>
    /// Null when a new payment link may be sent for the order now (the limit of links per phone number); otherwise the
    /// message for staff. Asked before the live link is voided, so a refusal leaves the customer the link they have.
    /// </summary>
    public virtual async Task<string> NewLinkRefusalAsync(Order order, TamaraSession previous)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(previous);

        if (previous.Channel == TamaraSessionChannel.Qr)
            return null;

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
        return await _sessionCreator.LinkLimitRefusalAsync(settings, previous.PhoneNumber);
    }

    /// <summary>
    /// The order's authorization transaction id names the live Tamara order, as ProcessPaymentAsync set it for the first.
    /// Written on a fresh copy of the order: voiding the previous link may have changed it a moment ago.
    /// </summary>
    private async Task SetAuthorizationTransactionIdAsync(Order order, string tamaraOrderId)
    {
        var current = await _orderService.GetOrderByIdAsync(order.Id) ?? order;
        current.AuthorizationTransactionId = tamaraOrderId;
        await _orderService.UpdateOrderAsync(current);

        if (!ReferenceEquals(current, order))
            order.AuthorizationTransactionId = tamaraOrderId;
    }

    /// <summary>
    /// A new session for an order already placed, e.g. after the previous link expired, the same way as the previous one:
    /// an SMS to the same number, or a QR code for the same device. The caller voids the old session.
    /// </summary>
    /// <exception cref="NopException">Tamara refused or could not be reached; the message is for the staff member</exception>
    public virtual async Task<TamaraSession> CreateReplacementSessionAsync(Order order, TamaraSession previous)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(previous);

        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
        var currencyCode = order.CustomerCurrencyCode?.ToUpperInvariant();
        var rate = order.CurrencyRate > decimal.Zero ? order.CurrencyRate : decimal.One;
        var sessions = await _sessionService.GetSessionsByOrderGuidAsync(order.OrderGuid);

        var input = new TamaraSessionRequestInput
        {
            Amounts = await _lineReader.FromOrderAsync(order),
            CurrencyRate = rate,
            CurrencyCode = currencyCode,
            TotalAmount = TamaraMoneyRounding.Round(order.OrderTotal * rate, currencyCode),
            PhoneNumber = previous.PhoneNumber,
            Email = previous.Email,
            Locale = previous.Locale,
            PaymentType = previous.PaymentType,
            // Tamara may refuse a reference it has seen before, so each new session of the order gets "{OrderGuid}-{n}"
            OrderReferenceId = TamaraSessionCreator.ReferenceIdFor(order.OrderGuid, Math.Max(sessions.Count, 1)),
            OrderNumber = string.IsNullOrEmpty(order.CustomOrderNumber) ? order.OrderGuid.ToString() : order.CustomOrderNumber,
            StoreCode = settings.StoreCode,
            QrPlatform = settings.QrPlatform,
            ExpiryMinutes = settings.SessionLifetimeMinutes,
            AdjustmentName = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.AdjustmentItem")
        };
        var template = new TamaraSession
        {
            OrderId = order.Id,
            StoreId = order.StoreId,
            CustomerId = order.CustomerId,
            OrderGuid = order.OrderGuid
        };

        var (session, error) = previous.Channel == TamaraSessionChannel.Qr
            ? await _sessionCreator.CreateQrAsync(settings, previous.DeviceId, _requestBuilder.BuildQr(input), template)
            : await _sessionCreator.CreateAsync(settings, _requestBuilder.Build(input), template);

        if (error is not null)
            throw new NopException(error);

        await SetAuthorizationTransactionIdAsync(order, session.TamaraOrderId);

        await AddSessionCreatedNoteAsync(order, session);

        return session;
    }

    #endregion

    #region Notes

    private async Task AddSessionCreatedNoteAsync(Order order, TamaraSession session)
    {
        var expires = $"{session.ExpiresOnUtc:yyyy-MM-dd HH:mm} UTC";
        var note = session.Channel == TamaraSessionChannel.Qr
            ? string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Notes.QrSessionCreated"),
                session.DeviceId, expires, session.TamaraOrderId)
            : string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Notes.SessionCreated"),
                SensitiveDataMasker.MaskPhone(session.PhoneNumber), expires, session.TamaraOrderId);

        await AddNoteAsync(order, note);
    }

    private Task AddNoteAsync(Order order, string note) => _orderService.InsertOrderNoteAsync(new OrderNote
    {
        OrderId = order.Id,
        Note = note,
        DisplayToCustomer = false,
        CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
    });

    private async Task TryAddNoteAsync(Order order, string key, string detail)
    {
        try
        {
            await AddNoteAsync(order, string.Format(await _localizationService.GetResourceAsync(key), detail));
        }
        catch (Exception exception)
        {
            await _logger.ErrorAsync($"Tamara in-store: could not add a note to order {order.Id}", exception);
        }
    }

    #endregion
}
