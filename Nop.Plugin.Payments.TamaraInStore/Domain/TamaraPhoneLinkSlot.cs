using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// One of the payment links a phone number may receive in the limit's window. A checkout takes a free slot (none, or one
/// older than the window) before asking Tamara for a link; a unique index on the number and slot lets exactly one of
/// simultaneous checkouts, on any server, take each slot, so the limit holds however many arrive at once.
/// </summary>
public class TamaraPhoneLinkSlot : BaseEntity
{
    public string PhoneNumber { get; set; }

    /// <summary>0 up to the limit minus one</summary>
    public int Slot { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
