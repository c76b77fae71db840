using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Sync;

public class TamaraOrderLockTests
{
    /// <summary>
    /// Two Tamara order ids whose lock keys fall into the same one of 64 stripes (string hashes are randomised per
    /// process, so the pair is found at run time); a shared stripe made such unrelated orders wait on each other
    /// </summary>
    private static (string First, string Second) OrdersSharingAStripe()
    {
        var seen = new Dictionary<uint, string>();
        for (var index = 0; ; index++)
        {
            var id = $"tamara-order-{index}";
            var stripe = (uint)StringComparer.Ordinal.GetHashCode(string.Format(TamaraInStoreDefaults.OrderLockKey, id)) % 64;
            if (seen.TryGetValue(stripe, out var other))
                return (other, id);
            seen[stripe] = id;
        }
    }

    [Test]
    public async Task An_order_does_not_wait_while_an_unrelated_order_is_locked()
    {
        var (first, second) = OrdersSharingAStripe();
        var locker = new InMemoryLocker();
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();

        var holding = TamaraOrderLock.TryRunAsync(locker, first, async () =>
        {
            entered.SetResult();
            await release.Task;
        }, attempts: 1, TimeSpan.FromMilliseconds(50));
        await entered.Task;

        var ran = false;
        var acquired = await TamaraOrderLock.TryRunAsync(locker, second, () =>
        {
            ran = true;
            return Task.CompletedTask;
        }, attempts: 1, TimeSpan.FromMilliseconds(50));

        release.SetResult();
        await holding;

        Assert.Multiple(() =>
        {
            Assert.That(acquired, Is.True);
            Assert.That(ran, Is.True);
        });
    }

    [Test]
    public async Task The_same_order_still_waits_and_nothing_is_kept_once_free()
    {
        var locker = new InMemoryLocker();
        var release = new TaskCompletionSource();
        var entered = new TaskCompletionSource();
        var before = TamaraOrderLock.GatesInUse;

        var holding = TamaraOrderLock.TryRunAsync(locker, "tamara-same", async () =>
        {
            entered.SetResult();
            await release.Task;
        }, attempts: 1, TimeSpan.FromMilliseconds(20));
        await entered.Task;

        var acquired = await TamaraOrderLock.TryRunAsync(locker, "tamara-same", () => Task.CompletedTask, attempts: 2, TimeSpan.FromMilliseconds(20));

        release.SetResult();
        await holding;

        Assert.Multiple(() =>
        {
            Assert.That(acquired, Is.False);
            Assert.That(TamaraOrderLock.GatesInUse, Is.EqualTo(before));
        });
    }
}
