using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// An order note the plugin wrote, whatever its language: the order card's timeline shows exactly these
/// </summary>
public class TamaraOrderNote : BaseEntity
{
    public int OrderId { get; set; }

    /// <summary>Id of nopCommerce's <see cref="Nop.Core.Domain.Orders.OrderNote"/></summary>
    public int OrderNoteId { get; set; }
}
