using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

/// <summary>
/// One session in the operations grid, every value ready to show
/// </summary>
public record OperationsRowModel : BaseNopModel
{
    public int SessionId { get; set; }

    /// <summary>0 when no order was placed; the selection's value</summary>
    public int OrderId { get; set; }

    public string OrderNumber { get; set; }

    public string StoreName { get; set; }

    public DateTime CreatedOn { get; set; }

    /// <summary>Masked</summary>
    public string Phone { get; set; }

    public string Amount { get; set; }

    public string TamaraStatus { get; set; }

    /// <summary>The <see cref="Services.Operations.TamaraOperationsState"/> name, for styling</summary>
    public string StateKey { get; set; }

    public string State { get; set; }

    /// <summary>Time left to pay (pending) or when it was paid</summary>
    public string TimeLeftOrPaid { get; set; }

    public string Captured { get; set; }

    public string Refunded { get; set; }

    public string LastError { get; set; }

    /// <summary>The <see cref="Services.Staff.TamaraOrderAction"/> names this row offers, as the order card does; the grid only renders them</summary>
    public IList<string> Actions { get; set; } = new List<string>();
}
