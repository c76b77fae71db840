using Nop.Plugin.Payments.TamaraInStore.Services.Counter;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Counter;

/// <summary>The counter: the cart, what the last scan did, and the customer form</summary>
public class CounterPageModel
{
    public TamaraCounterCart Cart { get; set; } = new();

    /// <summary>The one-shot token Send must carry</summary>
    public string SendToken { get; set; }

    public string Added { get; set; }

    public IList<string> Warnings { get; set; } = [];

    public IList<TamaraCounterProductMatch> Choices { get; set; } = [];

    public IList<string> Errors { get; set; } = [];

    /// <summary>Tamara's pre-check refused the last Send: its plans (none) and why</summary>
    public bool NoPlan { get; set; }

    public string PhoneNumber { get; set; }

    public string Name { get; set; }

    public string Email { get; set; }

    public string Till { get; set; }

    public string DeviceId { get; set; }

    /// <summary>The store has a POS device id: a QR code may be shown instead of an SMS</summary>
    public bool QrOffered { get; set; }
}
