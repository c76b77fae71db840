using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Health;

/// <summary>
/// What this server observed since it last wrote each store's health row (a singleton): the row is written at most once
/// per <see cref="WritePeriod"/> per store, not on every delivery or poll
/// </summary>
public class TamaraHealthMemory
{
    public static TimeSpan WritePeriod => TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, Observed> _stores = new();

    private long _lastCheckTicks;

    public Observed For(int storeId) => _stores.GetOrAdd(storeId, _ => new Observed());

    /// <summary>Whether the poller should check the warnings now (once per <see cref="WritePeriod"/> per server)</summary>
    public bool CheckDue(DateTime nowUtc)
    {
        var last = Interlocked.Read(ref _lastCheckTicks);
        return nowUtc.Ticks - last >= WritePeriod.Ticks && Interlocked.CompareExchange(ref _lastCheckTicks, nowUtc.Ticks, last) == last;
    }

    /// <summary>One store's observations; every member is guarded by the instance's lock</summary>
    public sealed class Observed
    {
        public DateTime? LastWebhookOnUtc;
        public DateTime? LastPollOnUtc;
        public DateTime? PollFoundPaymentOnUtc;
        public DateTime? UnreachableSinceUtc;

        /// <summary>Tamara answered since the last write: the row's unreachable mark is cleared</summary>
        public bool Reached;

        public DateTime? WrittenOnUtc;
    }
}
