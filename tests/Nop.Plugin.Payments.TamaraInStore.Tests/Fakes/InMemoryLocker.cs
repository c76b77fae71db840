using System.Collections.Concurrent;
using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// A locker that really excludes, one semaphore per key. Like nopCommerce's lockers it does not wait: a busy key
/// answers false at once. Share one instance between several services to model a web farm with a distributed cache.
/// </summary>
public class InMemoryLocker : ILocker
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private int _acquired;
    private int _refused;

    public int AcquiredCount => _acquired;

    public int RefusedCount => _refused;

    public List<string> Keys { get; } = new();

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        var semaphore = _locks.GetOrAdd(resource, _ => new SemaphoreSlim(1, 1));
        if (!semaphore.Wait(0))
        {
            Interlocked.Increment(ref _refused);
            return false;
        }

        try
        {
            Interlocked.Increment(ref _acquired);
            lock (Keys)
                Keys.Add(resource);
            await action();
            return true;
        }
        finally
        {
            semaphore.Release();
        }
    }

    public Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval, Func<CancellationToken, Task> action, CancellationTokenSource cancellationTokenSource = default) =>
        throw new NotSupportedException();

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => throw new NotSupportedException();

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(_locks.TryGetValue(key, out var semaphore) && semaphore.CurrentCount == 0);
}
