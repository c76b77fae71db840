namespace Nop.Plugin.Payments.TamaraInStore.Models.Counter;

/// <summary>The printed slip of a counter sale</summary>
public class CounterSlipModel
{
    public string StoreName { get; set; }

    public string StoreCode { get; set; }

    public string CreatedOn { get; set; }

    public string CustomOrderNumber { get; set; }

    public IList<(string Name, int Quantity, string Total)> Items { get; set; } = [];

    public string Total { get; set; }

    public string TamaraOrderId { get; set; }

    public string Plan { get; set; }

    public string Clerk { get; set; }

    public string Till { get; set; }

    /// <summary>The order number as a QR code, scanned at the returns tab</summary>
    public string OrderNumberQrDataUri { get; set; }
}
