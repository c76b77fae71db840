namespace Nop.Plugin.Payments.TamaraInStore.Services.Operations;

/// <summary>
/// What the operations page's search panel asks for; empty values do not filter
/// </summary>
public class TamaraOperationsFilter
{
    /// <summary>0 for every store</summary>
    public int StoreId { get; set; }

    public TamaraOperationsState? State { get; set; }

    /// <summary>Sessions created at or after this moment</summary>
    public DateTime? CreatedFromUtc { get; set; }

    /// <summary>Sessions created before this moment</summary>
    public DateTime? CreatedToUtc { get; set; }

    /// <summary>An order number (custom order number or order id) or a Tamara order id, matched exactly</summary>
    public string Search { get; set; }
}
