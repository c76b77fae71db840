using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

/// <summary>One store's link with Tamara: the last webhook, the last poll, and what is wrong</summary>
public record OperationsHealthModel : BaseNopModel
{
    public string StoreName { get; set; }

    public DateTime? LastWebhookOn { get; set; }

    public DateTime? LastPollOn { get; set; }

    /// <summary>The warnings' names, for styling and tests</summary>
    public IList<string> WarningKeys { get; set; } = new List<string>();

    /// <summary>The warnings in the page's language</summary>
    public IList<string> Warnings { get; set; } = new List<string>();
}
