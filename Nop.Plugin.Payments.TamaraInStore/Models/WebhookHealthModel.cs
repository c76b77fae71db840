using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Models;

/// <summary>One webhook registration of the store as the configuration page shows it</summary>
public record WebhookHealthModel : BaseNopModel
{
    /// <summary>"order" or "dispute", already in the page's language</summary>
    public string Type { get; set; }

    public string WebhookId { get; set; }

    /// <summary>The state's enum name, for styling and tests</summary>
    public string StateName { get; set; }

    public bool IsHealthy { get; set; }

    /// <summary>What is wrong, in the page's language</summary>
    public string Text { get; set; }
}
