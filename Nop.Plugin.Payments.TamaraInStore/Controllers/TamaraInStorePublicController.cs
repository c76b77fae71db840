using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.TamaraInStore.Controllers;

/// <summary>
/// What the shop's own pages ask while an order is entered: the live status for the counter page and the ID-verification check
/// </summary>
[AutoValidateAntiforgeryToken]
public class TamaraInStorePublicController : BasePluginController
{
    private readonly ILocalizationService _localizationService;
    private readonly ILogger _logger;
    private readonly ISettingService _settingService;
    private readonly IStoreContext _storeContext;
    private readonly ITamaraClient _tamaraClient;
    private readonly IWorkContext _workContext;
    private readonly TamaraPhoneNumberService _phoneNumberService;
    private readonly TamaraSessionService _sessionService;
    private readonly TamaraSessionStatusService _statusService;

    public TamaraInStorePublicController(ILocalizationService localizationService,
        ILogger logger,
        ISettingService settingService,
        IStoreContext storeContext,
        ITamaraClient tamaraClient,
        IWorkContext workContext,
        TamaraPhoneNumberService phoneNumberService,
        TamaraSessionService sessionService,
        TamaraSessionStatusService statusService)
    {
        _localizationService = localizationService;
        _logger = logger;
        _settingService = settingService;
        _storeContext = storeContext;
        _tamaraClient = tamaraClient;
        _workContext = workContext;
        _phoneNumberService = phoneNumberService;
        _sessionService = sessionService;
        _statusService = statusService;
    }

    /// <summary>State of the newest session of a checkout, for its own customer only</summary>
    [HttpGet]
    public async Task<IActionResult> Status(Guid orderGuid)
    {
        var session = await _sessionService.GetLatestSessionByOrderGuidAsync(orderGuid);
        if (!await _statusService.CanViewAsync(session))
            return NotFound();

        Response.Headers.CacheControl = "no-store";
        var status = await _statusService.PrepareAsync(session);
        return Json(new { state = status.State, tamaraStatus = status.TamaraStatus, label = status.Label, isFinal = status.IsFinal });
    }

    /// <summary>Whether Tamara already verified the customer's ID: verified, notverified or unknown (with a message)</summary>
    [HttpPost]
    public async Task<IActionResult> IdVerification(string phoneNumber)
    {
        var store = await _storeContext.GetCurrentStoreAsync();
        var settings = await _settingService.LoadSettingAsync<TamaraInStoreSettings>(store.Id);

        // only for staff at order entry: it tells whether any phone number has a Tamara account, which nobody
        // shopping on their own should be able to ask about someone else's number
        if (!await _workContext.IsStaffOrderEntryAsync())
            return Forbid();

        var phone = _phoneNumberService.Normalize(phoneNumber, settings.CountryCode);
        if (phone is null)
            return Json(new { result = "unknown", message = string.Format(await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.Checkout.Errors.PhoneInvalid"), settings.CountryCode) });

        try
        {
            var verified = await _tamaraClient.IsCustomerIdVerifiedAsync(settings, phone, settings.CountryCode?.ToUpperInvariant());
            var key = verified ? "Plugins.Payments.TamaraInStore.IdVerification.Verified" : "Plugins.Payments.TamaraInStore.IdVerification.NotVerified";
            return Json(new { result = verified ? "verified" : "notverified", message = await _localizationService.GetResourceAsync(key) });
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: ID verification of {SensitiveDataMasker.MaskPhone(phone)} could not be checked ({exception.Endpoint}, {exception.StatusCode})");
            return Json(new { result = "unknown", message = await _localizationService.GetResourceAsync("Plugins.Payments.TamaraInStore.IdVerification.Unavailable") });
        }
    }
}
