using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// A lock per key held in memory, without waiting, like nopCommerce's lockers: a second taker is turned away
/// </summary>
public class InMemoryLocker : ILocker
{
    private readonly object _sync = new();
    private readonly HashSet<string> _held = new();
    private readonly List<string> _acquired = new();
    private int _refused;

    /// <summary>How many takers were turned away because the key was held</summary>
    public int RefusedCount => _refused;

    /// <summary>Every key that was locked, in order</summary>
    public IReadOnlyList<string> AcquiredKeys
    {
        get { lock (_sync) return _acquired.ToList(); }
    }

    public bool IsHeld(string key)
    {
        lock (_sync) return _held.Contains(key);
    }

    /// <summary>Holds a key from outside, as another process would, until the returned handle is disposed</summary>
    public IDisposable Hold(string key)
    {
        lock (_sync)
        {
            if (!_held.Add(key))
                throw new InvalidOperationException($"{key} is already held.");
        }
        return new Release(this, key);
    }

    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        lock (_sync)
        {
            if (!_held.Add(resource))
            {
                _refused++;
                return false;
            }
            _acquired.Add(resource);
        }

        try
        {
            await action();
        }
        finally
        {
            Unlock(resource);
        }

        return true;
    }

    public async Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval,
        Func<CancellationToken, Task> action, CancellationTokenSource cancellationTokenSource = default)
    {
        using var source = cancellationTokenSource ?? new CancellationTokenSource();
        await PerformActionWithLockAsync(key, expirationTime, () => action(source.Token));
    }

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => Task.CompletedTask;

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(IsHeld(key));

    private void Unlock(string key)
    {
        lock (_sync)
            _held.Remove(key);
    }

    private sealed class Release(InMemoryLocker locker, string key) : IDisposable
    {
        public void Dispose() => locker.Unlock(key);
    }
}
