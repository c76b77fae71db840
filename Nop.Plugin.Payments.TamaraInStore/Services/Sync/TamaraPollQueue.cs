using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// The due sessions of one run of the scheduled check, handed out to its workers oldest first. A session whose API token is
/// paused (<see cref="TamaraTokenBackoff"/>) is not handed out; another token's sessions go on meanwhile.
/// </summary>
public class TamaraPollQueue
{
    private readonly TamaraTokenBackoff _backoff;
    private readonly object _lock = new();
    // one queue per API token, each in the order the due sessions were found (oldest due first)
    private readonly Dictionary<string, Queue<(int Position, TamaraSession Session)>> _byToken = new(StringComparer.Ordinal);

    /// <param name="dueSessions">Oldest due first, each with its API token</param>
    public TamaraPollQueue(IEnumerable<(TamaraSession Session, string ApiToken)> dueSessions, TamaraTokenBackoff backoff)
    {
        _backoff = backoff;
        var position = 0;
        foreach (var (session, apiToken) in dueSessions)
        {
            if (!_byToken.TryGetValue(apiToken, out var queue))
                _byToken[apiToken] = queue = new Queue<(int, TamaraSession)>();
            queue.Enqueue((position++, session));
        }
    }

    /// <summary>
    /// The next session to check, or (when only paused tokens have sessions left) how long until the first pause ends;
    /// neither when every session was handed out
    /// </summary>
    public (TamaraSession Session, string ApiToken, TimeSpan? Wait) Next()
    {
        lock (_lock)
        {
            (int Position, TamaraSession Session, string ApiToken)? oldest = null;
            TimeSpan? shortestPause = null;
            foreach (var (apiToken, queue) in _byToken)
            {
                if (queue.Count == 0)
                    continue;

                var pause = _backoff.RemainingPause(apiToken);
                if (pause > TimeSpan.Zero)
                {
                    shortestPause = shortestPause is { } shortest && shortest < pause ? shortest : pause;
                    continue;
                }

                var head = queue.Peek();
                if (oldest is null || head.Position < oldest.Value.Position)
                    oldest = (head.Position, head.Session, apiToken);
            }

            if (oldest is { } next)
            {
                _byToken[next.ApiToken].Dequeue();
                return (next.Session, next.ApiToken, null);
            }

            return (null, null, shortestPause);
        }
    }
}
