using Nop.Core.Caching;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// A locker as weak as a check-then-set cache under contention: it lets every caller in at once
/// </summary>
public class CheckThenSetLocker : ILocker
{
    public async Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action)
    {
        await Task.Yield();
        await action();
        return true;
    }

    public Task RunWithHeartbeatAsync(string key, TimeSpan expirationTime, TimeSpan heartbeatInterval, Func<CancellationToken, Task> action, CancellationTokenSource cancellationTokenSource = default) =>
        action(cancellationTokenSource?.Token ?? CancellationToken.None);

    public Task CancelTaskAsync(string key, TimeSpan expirationTime) => Task.CompletedTask;

    public Task<bool> IsTaskRunningAsync(string key) => Task.FromResult(false);
}
