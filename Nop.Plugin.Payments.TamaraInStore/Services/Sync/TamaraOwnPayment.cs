namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// Marks the call chain in which the plugin itself marks an order as paid, so the OrderPaidEvent nopCommerce raises from
/// inside it is told apart from staff marking the order paid by other means; both void the order's other live links
/// </summary>
public static class TamaraOwnPayment
{
    private static readonly AsyncLocal<(int OrderId, int SessionId)?> _payment = new();

    /// <summary>Until disposed, <see cref="IsMarking"/> is true for the order in this call chain</summary>
    public static IDisposable Begin(int orderId, int sessionId = 0)
    {
        var previous = _payment.Value;
        _payment.Value = (orderId, sessionId);
        return new Scope(previous);
    }

    public static bool IsMarking(int orderId) => _payment.Value?.OrderId == orderId;

    /// <summary>The session whose capture is marking the order paid in this call chain; 0 when none</summary>
    public static int PayingSessionId(int orderId) => _payment.Value is { } payment && payment.OrderId == orderId ? payment.SessionId : 0;

    private sealed class Scope((int, int)? previous) : IDisposable
    {
        public void Dispose() => _payment.Value = previous;
    }
}
