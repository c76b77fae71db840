using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models.Counter;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Helpers;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.TamaraInStore.Controllers;

/// <summary>
/// Sales → Tamara counter: a sale at the till in one screen. Every page and POST needs "Sell with Tamara at the counter" and
/// is refused to vendors. The forms post whole pages: a scanner types a code and Enter, the page comes back with the
/// cart and the search box focused for the next scan.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class TamaraInStoreCounterController : BasePluginController
{
    public const string TillCookieName = "Nop.TamaraInStore.Till";

    private readonly ICustomerService _customerService;
    private readonly IDateTimeHelper _dateTimeHelper;
    private readonly ILocalizationService _localizationService;
    private readonly IOrderService _orderService;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly IStoreService _storeService;
    private readonly IWorkContext _workContext;
    private readonly QrCodeService _qrCodeService;
    private readonly TamaraCounterCartService _cartService;
    private readonly TamaraCounterReturns _returns;
    private readonly TamaraCounterSaleService _saleService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraSessionStatusService _statusService;
    private readonly TamaraStaffPolicy _policy;
    private readonly TamaraTillDevice _tillDevice;

    public TamaraInStoreCounterController(ICustomerService customerService,
        IDateTimeHelper dateTimeHelper,
        ILocalizationService localizationService,
        IOrderService orderService,
        ISettingService settingService,
        IStoreContext storeContext,
        IStoreService storeService,
        IWorkContext workContext,
        QrCodeService qrCodeService,
        TamaraCounterCartService cartService,
        TamaraCounterReturns returns,
        TamaraCounterSaleService saleService,
        TamaraSessionService sessionService,
        TamaraSessionStatusService statusService,
        TamaraStaffPolicy policy,
        TamaraTillDevice tillDevice)
    {
        _customerService = customerService;
        _dateTimeHelper = dateTimeHelper;
        _localizationService = localizationService;
        _orderService = orderService;
        _settingService = settingService;
        _storeContext = storeContext;
        _storeService = storeService;
        _workContext = workContext;
        _qrCodeService = qrCodeService;
        _cartService = cartService;
        _returns = returns;
        _saleService = saleService;
        _sessionService = sessionService;
        _statusService = statusService;
        _policy = policy;
        _tillDevice = tillDevice;
    }

    private Task<bool> MaySellAsync() => _policy.MaySellAtCounterAsync();

    #region The cart

    [HttpGet]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Index()
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        return await CounterViewAsync(new CounterPageModel());
    }

    [HttpPost]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Add(string term, int? productId)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        var result = productId is > 0 ? await _cartService.AddProductAsync(productId.Value) : await _cartService.AddAsync(term);
        var model = new CounterPageModel { Warnings = result.Warnings, Choices = result.Choices };
        if (result.Added)
            model.Added = string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.Added"), result.Match.Product.Name);

        return await CounterViewAsync(model);
    }

    [HttpPost]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Quantity(int itemId, int quantity)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        return await CounterViewAsync(new CounterPageModel { Warnings = await _cartService.SetQuantityAsync(itemId, quantity) });
    }

    [HttpPost]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Remove(int itemId)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        return await CounterViewAsync(new CounterPageModel { Warnings = await _cartService.SetQuantityAsync(itemId, 0) });
    }

    [HttpPost]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Clear()
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        await _cartService.ClearAsync();
        return RedirectToAction(nameof(Index));
    }

    #endregion

    #region Sending

    [HttpPost]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Send(string phoneNumber, string name, string email, string channel, string deviceId, string till, string sendToken)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        var qr = string.Equals(channel, TamaraInStoreDefaults.Channels.Qr, StringComparison.OrdinalIgnoreCase);
        RememberTill(till);
        if (qr)
            _tillDevice.Remember(deviceId);

        var result = await _saleService.SendAsync(new TamaraCounterSendRequest
        {
            PhoneNumber = phoneNumber,
            Name = name,
            Email = email,
            Qr = qr,
            DeviceId = deviceId,
            Till = till?.Trim(),
            SendToken = sendToken
        });

        if (result.Outcome is TamaraCounterSendOutcome.Sent or TamaraCounterSendOutcome.AlreadySent)
        {
            var arabic = await IsArabicAsync();
            TempData["TamaraCounterPlans"] = string.Join("\n", result.PreCheck?.Plans.Select(plan => plan.Describe(arabic)) ?? []);
            TempData["TamaraCounterSkipped"] = result.PreCheck?.Outcome == TamaraCounterPreCheckOutcome.Skipped;
            TempData["TamaraCounterCustomer"] = result.Outcome == TamaraCounterSendOutcome.Sent
                ? result.NewCustomer
                    ? string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.NewCustomer"), result.MaskedPhone)
                    : string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.ExistingCustomer"), result.CustomerName, result.MaskedPhone)
                : string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.AlreadySent"), result.CustomOrderNumber);
            return RedirectToAction(nameof(Sale), new { orderId = result.OrderId });
        }

        var errors = result.Outcome == TamaraCounterSendOutcome.NoPlan
            ? [await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.CounterSale.PreCheck.Refused")]
            : result.Errors;

        return await CounterViewAsync(new CounterPageModel
        {
            Errors = errors,
            NoPlan = result.Outcome == TamaraCounterSendOutcome.NoPlan,
            PhoneNumber = phoneNumber,
            Name = name,
            Email = email
        });
    }

    private async Task<IActionResult> CounterViewAsync(CounterPageModel model)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);

        model.Cart = await _cartService.GetCartAsync();
        model.SendToken = await _saleService.IssueSendTokenAsync();
        model.Till = Request.Cookies[TillCookieName];
        model.DeviceId = _tillDevice.ReadOrDefault(settings);
        model.QrOffered = !string.IsNullOrWhiteSpace(settings.DeviceId);

        return View(TamaraInStoreDefaults.ViewPath("Counter.cshtml"), model);
    }

    private void RememberTill(string till)
    {
        till = till?.Trim();
        if (string.IsNullOrEmpty(till) || till.Length > 64)
            return;

        Response.Cookies.Append(TillCookieName, till, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.Add(TamaraInStoreDefaults.TillDeviceCookieLifetime)
        });
    }

    /// <summary>A Tamara order and its newest session; no session for any other order</summary>
    private async Task<(Order Order, TamaraSession Session)> TamaraSaleAsync(int orderId)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        var session = order is null || !TamaraStaffPolicy.IsTamaraOrder(order) ? null : await _sessionService.GetLatestSessionByOrderIdAsync(orderId);
        return (order, session);
    }

    private async Task<bool> IsArabicAsync() =>
        (await _workContext.GetWorkingLanguageAsync())?.LanguageCulture?.StartsWith("ar", StringComparison.OrdinalIgnoreCase) == true;

    #endregion

    #region The sent sale

    [HttpGet]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Sale(int orderId)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        var (order, session) = await TamaraSaleAsync(orderId);
        if (session is null)
            return RedirectToAction(nameof(Index));

        var model = new CounterSaleModel
        {
            OrderId = order.Id,
            CustomOrderNumber = order.CustomOrderNumber,
            IsQr = session.Channel == TamaraSessionChannel.Qr,
            QrCodeDataUri = session.Channel == TamaraSessionChannel.Qr ? _qrCodeService.ToPngDataUri(session.CheckoutDeeplink) : null,
            MaskedPhone = Services.Api.SensitiveDataMasker.MaskPhone(session.PhoneNumber),
            Total = TamaraMoneyRounding.Format(session.Amount, session.CurrencyCode),
            TamaraOrderId = session.TamaraOrderId,
            Status = await _statusService.PrepareAsync(session),
            Plans = (TempData["TamaraCounterPlans"] as string)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
            PreCheckSkipped = TempData["TamaraCounterSkipped"] is true,
            CustomerNote = TempData["TamaraCounterCustomer"] as string
        };

        return View(TamaraInStoreDefaults.ViewPath("CounterSale.cshtml"), model);
    }

    [HttpGet]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Status(int orderId)
    {
        if (!await MaySellAsync())
            return Forbid();

        var session = await _sessionService.GetLatestSessionByOrderIdAsync(orderId);
        if (session is null)
            return NotFound();

        Response.Headers.CacheControl = "no-store";
        var status = await _statusService.PrepareAsync(session);
        return Json(new { state = status.State, tamaraStatus = status.TamaraStatus, label = status.Label, isFinal = status.IsFinal });
    }

    /// <summary>Next customer: the counter starts empty</summary>
    [HttpPost]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Next()
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        await _cartService.EndSaleAsync();
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Slip(int orderId)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        var (order, session) = await TamaraSaleAsync(orderId);
        if (session is null)
            return RedirectToAction(nameof(Index));

        var store = await _storeService.GetStoreByIdAsync(order.StoreId);
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(order.StoreId);
        var rate = order.CurrencyRate > decimal.Zero ? order.CurrencyRate : decimal.One;
        var items = new List<(string, int, string)>();
        foreach (var item in await _orderService.GetOrderItemsAsync(order.Id))
        {
            var product = await _orderService.GetProductByOrderItemIdAsync(item.Id);
            items.Add((product?.Name, item.Quantity, TamaraMoneyRounding.Format(TamaraMoneyRounding.Round(item.PriceInclTax * rate, order.CustomerCurrencyCode), order.CustomerCurrencyCode)));
        }

        var model = new CounterSlipModel
        {
            StoreName = store?.Name,
            StoreCode = settings.StoreCode,
            CreatedOn = (await _dateTimeHelper.ConvertToUserTimeAsync(order.CreatedOnUtc, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm"),
            CustomOrderNumber = order.CustomOrderNumber,
            Items = items,
            Total = TamaraMoneyRounding.Format(TamaraMoneyRounding.Round(order.OrderTotal * rate, order.CustomerCurrencyCode), order.CustomerCurrencyCode),
            TamaraOrderId = session.TamaraOrderId,
            Plan = session.PaymentType,
            Clerk = await StaffNameAsync(session.StaffCustomerId),
            Till = session.Till ?? session.DeviceId,
            OrderNumberQrDataUri = _qrCodeService.ToPngDataUri(order.CustomOrderNumber)
        };

        return View(TamaraInStoreDefaults.ViewPath("CounterSlip.cshtml"), model);
    }

    #region Returns

    /// <summary>The returns tab: a Tamara sale by phone, order number (the slip's code), order id or Tamara order id</summary>
    [HttpGet]
    [CheckPermission(TamaraCounterPermission.SellAtCounter)]
    public async Task<IActionResult> Returns(string q)
    {
        if (!await MaySellAsync())
            return AccessDeniedView();

        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);
        var model = new CounterReturnsModel { Query = q?.Trim() };
        if (!string.IsNullOrEmpty(model.Query))
        {
            foreach (var row in await _returns.FindAsync(model.Query, settings.CountryCode))
            {
                var createdOn = await _dateTimeHelper.ConvertToUserTimeAsync(row.CreatedOnUtc, DateTimeKind.Utc);
                model.Rows.Add(row with { CreatedOnUtc = createdOn });
            }
        }

        return View(TamaraInStoreDefaults.ViewPath("CounterReturns.cshtml"), model);
    }

    #endregion

    private async Task<string> StaffNameAsync(int? staffCustomerId)
    {
        if (staffCustomerId is not int id || await _customerService.GetCustomerByIdAsync(id) is not { } staff)
            return null;

        var name = TamaraCounterCustomerService.DisplayName(staff);
        return string.IsNullOrEmpty(name) ? staff.Email : name;
    }

    #endregion
}
