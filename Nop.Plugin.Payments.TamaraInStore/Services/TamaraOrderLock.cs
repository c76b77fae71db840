using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// The lock every change of a Tamara order runs under: the order sync and refunds share it, and through nopCommerce's
/// distributed cache so do all servers of a web farm
/// </summary>
/// <remarks>
/// nopCommerce's lockers check and then set (the memory cache and the distributed cache alike), so two callers can both get
/// in within a narrow window. Within one server a semaphore per order closes that window (one per order, not a shared
/// stripe, so unrelated orders never wait on each other; it lives only while someone holds or waits for it); across
/// servers the re-read of the session and the order inside the lock is the second guard.
/// </remarks>
public static class TamaraOrderLock
{
    private static readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>How often a clerk's action (a refund, an exit from "needs attention") asks for a busy lock</summary>
    public const int StaffActionAttempts = 3;

    /// <summary>The wait between those attempts</summary>
    public static TimeSpan StaffActionRetryDelay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Semaphores currently in use (held or waited for); none are kept once their order is free</summary>
    public static int GatesInUse
    {
        get { lock (_gates) return _gates.Count; }
    }

    /// <summary>
    /// Runs <paramref name="action"/> holding the order's lock, asking again a few times while another holder has it
    /// </summary>
    /// <returns>False when the lock stayed busy and the action did not run</returns>
    public static async Task<bool> TryRunAsync(ILocker locker, string tamaraOrderId, Func<Task> action,
        int attempts, TimeSpan retryDelay, CancellationToken cancellationToken = default)
    {
        var key = string.Format(TamaraInStoreDefaults.OrderLockKey, tamaraOrderId);
        var gate = Acquire(key);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (await gate.Semaphore.WaitAsync(retryDelay, cancellationToken))
                {
                    try
                    {
                        if (await locker.PerformActionWithLockAsync(key, TamaraInStoreDefaults.OrderLockExpiration, action))
                            return true;
                    }
                    finally
                    {
                        gate.Semaphore.Release();
                    }
                }

                if (attempt >= attempts)
                    return false;

                await Task.Delay(retryDelay, cancellationToken);
            }
        }
        finally
        {
            Return(key, gate);
        }
    }

    private static Gate Acquire(string key)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out var gate))
                _gates[key] = gate = new Gate();

            gate.Users++;
            return gate;
        }
    }

    private static void Return(string key, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
                _gates.Remove(key);
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Callers holding or waiting for the semaphore; guarded by the dictionary's lock</summary>
        public int Users { get; set; }
    }
}
