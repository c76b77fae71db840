namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// Marks the call chain in which the plugin itself marks an order as paid, so the OrderPaidEvent nopCommerce raises from
/// inside it is told apart from staff marking the order paid by other means (which must void the order's live links)
/// </summary>
public static class TamaraOwnPayment
{
    private static readonly AsyncLocal<int?> _orderId = new();

    /// <summary>Until disposed, <see cref="IsMarking"/> is true for the order in this call chain</summary>
    public static IDisposable Begin(int orderId)
    {
        var previous = _orderId.Value;
        _orderId.Value = orderId;
        return new Scope(previous);
    }

    public static bool IsMarking(int orderId) => _orderId.Value == orderId;

    private sealed class Scope(int? previous) : IDisposable
    {
        public void Dispose() => _orderId.Value = previous;
    }
}
