namespace Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;

/// <summary>What Tamara says about one of the store's webhook registrations</summary>
public enum TamaraWebhookState
{
    /// <summary>Still registered, pointing at this store's URL, with every event we need</summary>
    Healthy = 10,

    /// <summary>No registration id is stored for this store</summary>
    NotRegistered = 20,

    /// <summary>Tamara no longer knows the stored registration (deleted in the portal, or another account)</summary>
    Missing = 30,

    /// <summary>The registration points at another URL</summary>
    WrongUrl = 40,

    /// <summary>The registration lacks some of the events we need</summary>
    MissingEvents = 50,

    /// <summary>Tamara could not be asked</summary>
    Unknown = 60
}
