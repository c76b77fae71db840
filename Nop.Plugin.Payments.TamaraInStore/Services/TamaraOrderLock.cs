using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// The lock every change of a Tamara order runs under: the order sync and refunds share it, and through nopCommerce's
/// distributed cache so do all servers of a web farm
/// </summary>
/// <remarks>
/// nopCommerce's lockers check and then set (the memory cache and the distributed cache alike), so two callers can both get
/// in within a narrow window. Within one server a striped semaphore closes that window; across servers the re-read of
/// the session and the order inside the lock is the second guard.
/// </remarks>
public static class TamaraOrderLock
{
    private static readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>
    /// Runs <paramref name="action"/> holding the order's lock, asking again a few times while another holder has it
    /// </summary>
    /// <returns>False when the lock stayed busy and the action did not run</returns>
    public static async Task<bool> TryRunAsync(ILocker locker, string tamaraOrderId, Func<Task> action,
        int attempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        var key = string.Format(TamaraInStoreDefaults.OrderLockKey, tamaraOrderId);
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_stripes.Length];

        for (var attempt = 1; ; attempt++)
        {
            if (await stripe.WaitAsync(retryDelay, cancellationToken))
            {
                try
                {
                    if (await locker.PerformActionWithLockAsync(key, TamaraInStoreDefaults.OrderLockExpiration, action))
                        return true;
                }
                finally
                {
                    stripe.Release();
                }
            }

            if (attempt >= attempts)
                return false;

            await Task.Delay(retryDelay, cancellationToken);
        }
    }
}
