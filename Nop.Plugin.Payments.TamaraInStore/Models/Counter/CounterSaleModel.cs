namespace Nop.Plugin.Payments.TamaraInStore.Models.Counter;

/// <summary>A sent sale: its order, its link or QR code, and the live status</summary>
public class CounterSaleModel
{
    public int OrderId { get; set; }

    public string CustomOrderNumber { get; set; }

    public bool IsQr { get; set; }

    public string QrCodeDataUri { get; set; }

    public string MaskedPhone { get; set; }

    public string Total { get; set; }

    public string TamaraOrderId { get; set; }

    public SessionStatusModel Status { get; set; }

    /// <summary>The pre-check's plans in the page's language; empty when it was skipped</summary>
    public IList<string> Plans { get; set; } = [];

    public bool PreCheckSkipped { get; set; }

    public string CustomerNote { get; set; }
}
