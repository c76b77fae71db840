using Nop.Plugin.Payments.TamaraInStore.Services.Counter;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Counter;

public class CounterReturnsModel
{
    public string Query { get; set; }

    /// <summary>Times already in the admin's time zone</summary>
    public IList<TamaraCounterReturnRow> Rows { get; set; } = [];
}
