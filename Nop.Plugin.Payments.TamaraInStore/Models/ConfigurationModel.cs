using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>
/// Per-store settings page. The two tokens travel only from the browser to the server: the page gets an "is set" flag and a
/// masked hint, and a blank field keeps the saved token.
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.ApiToken")]
    [NoTrim]
    [DataType(DataType.Password)]
    public string ApiToken { get; set; }
    public bool ApiToken_OverrideForStore { get; set; }
    public bool ApiTokenIsSet { get; set; }
    public string ApiTokenHint { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.NotificationToken")]
    [NoTrim]
    [DataType(DataType.Password)]
    public string NotificationToken { get; set; }
    public bool NotificationToken_OverrideForStore { get; set; }
    public bool NotificationTokenIsSet { get; set; }
    public string NotificationTokenHint { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.StoreCode")]
    public string StoreCode { get; set; }
    public bool StoreCode_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.DeviceId")]
    public string DeviceId { get; set; }
    public bool DeviceId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.QrPlatform")]
    public string QrPlatform { get; set; }
    public bool QrPlatform_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.CountryCode")]
    public string CountryCode { get; set; }
    public bool CountryCode_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableCountries { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.UseSandbox")]
    public bool UseSandbox { get; set; }
    public bool UseSandbox_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.ApiBaseUrlOverride")]
    public string ApiBaseUrlOverride { get; set; }
    public bool ApiBaseUrlOverride_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.RequestTimeoutSeconds")]
    public int RequestTimeoutSeconds { get; set; }
    public bool RequestTimeoutSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.PollIntervalSeconds")]
    public int PollIntervalSeconds { get; set; }
    public bool PollIntervalSeconds_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.PollConcurrency")]
    public int PollConcurrency { get; set; }
    public bool PollConcurrency_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.SessionLifetimeMinutes")]
    public int SessionLifetimeMinutes { get; set; }
    public bool SessionLifetimeMinutes_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.OfferOnlyToStaff")]
    public bool OfferOnlyToStaff { get; set; }
    public bool OfferOnlyToStaff_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.CancelOrderWhenDeclinedOrExpired")]
    public bool CancelOrderWhenDeclinedOrExpired { get; set; }
    public bool CancelOrderWhenDeclinedOrExpired_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.UpdateOrderReferenceId")]
    public bool UpdateOrderReferenceId { get; set; }
    public bool UpdateOrderReferenceId_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.DebugLogging")]
    public bool DebugLogging { get; set; }
    public bool DebugLogging_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.MinOrderTotal")]
    public decimal MinOrderTotal { get; set; }
    public bool MinOrderTotal_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.MaxOrderTotal")]
    public decimal MaxOrderTotal { get; set; }
    public bool MaxOrderTotal_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.MaxLinksPerPhone")]
    public int MaxLinksPerPhone { get; set; }
    public bool MaxLinksPerPhone_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.LinksPerPhoneWindowMinutes")]
    public int LinksPerPhoneWindowMinutes { get; set; }
    public bool LinksPerPhoneWindowMinutes_OverrideForStore { get; set; }

    /// <summary>For every store: saved without a store override</summary>
    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.ReconciliationDays")]
    public int ReconciliationDays { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Fields.WebhookId")]
    public string WebhookId { get; set; }
}
