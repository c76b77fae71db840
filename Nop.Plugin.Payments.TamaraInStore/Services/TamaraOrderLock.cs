using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// The lock every change of a Tamara order runs under: the order sync and refunds share it, and through nopCommerce's
/// distributed cache so do all servers of a web farm
/// </summary>
public static class TamaraOrderLock
{
    /// <summary>
    /// Runs <paramref name="action"/> holding the order's lock, asking again a few times while another holder has it
    /// </summary>
    /// <returns>False when the lock stayed busy and the action did not run</returns>
    public static async Task<bool> TryRunAsync(ILocker locker, string tamaraOrderId, Func<Task> action,
        int attempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        var key = string.Format(TamaraInStoreDefaults.OrderLockKey, tamaraOrderId);
        for (var attempt = 1; ; attempt++)
        {
            if (await locker.PerformActionWithLockAsync(key, TamaraInStoreDefaults.OrderLockExpiration, action))
                return true;

            if (attempt >= attempts)
                return false;

            await Task.Delay(retryDelay, cancellationToken);
        }
    }
}
