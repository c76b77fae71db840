namespace TamaraSimulator;

/// <summary>Thread-safe holder of the current <see cref="FaultSettings"/>; can be changed at any time.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<InjectedFault> _history = [];
    private FaultSettings _settings;
    private Random _random;
    private int _apiCalls;

    public FaultInjector(FaultSettings? initial = null)
    {
        _settings = (initial ?? new FaultSettings()).Clone();
        _random = NewRandom(_settings.RandomSeed);
    }

    /// <summary>A copy of the current settings (NextCalls counters show what is left).</summary>
    public FaultSettings Current
    {
        get { lock (_gate) { return _settings.Clone(); } }
    }

    /// <summary>API calls seen so far, with or without a fault: a test can act while a client is in the middle of its calls.</summary>
    public int ApiCalls
    {
        get { lock (_gate) { return _apiCalls; } }
    }

    /// <summary>Every fault injected into an API call so far.</summary>
    public IReadOnlyList<InjectedFault> History
    {
        get { lock (_gate) { return [.. _history]; } }
    }

    /// <summary>Replaces all settings.</summary>
    public void Set(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings.Clone();
            _random = NewRandom(_settings.RandomSeed);
        }
    }

    /// <summary>Changes some settings in place, e.g. <c>Faults.Update(f => f.ServerErrorNextCalls = 2)</c>.</summary>
    public void Update(Action<FaultSettings> change)
    {
        lock (_gate)
        {
            var seed = _settings.RandomSeed;
            change(_settings);
            if (seed != _settings.RandomSeed)
            {
                _random = NewRandom(_settings.RandomSeed);
            }
        }
    }

    /// <summary>Makes the next <paramref name="count"/> matching API calls fail with <paramref name="kind"/>.</summary>
    public void FailNext(FaultKind kind, int count = 1) => Update(s =>
    {
        switch (kind)
        {
            case FaultKind.ServerError: s.ServerErrorNextCalls += count; break;
            case FaultKind.TooManyRequests: s.TooManyRequestsNextCalls += count; break;
            case FaultKind.Hang: s.HangNextCalls += count; break;
            case FaultKind.MalformedJson: s.MalformedJsonNextCalls += count; break;
            case FaultKind.EmptyBody: s.EmptyBodyNextCalls += count; break;
            case FaultKind.BlockedHtml: s.BlockedHtmlNextCalls += count; break;
            case FaultKind.NonJsonBody: s.NonJsonBodyNextCalls += count; break;
            case FaultKind.ResetMidBody: s.ResetMidBodyNextCalls += count; break;
            case FaultKind.Trickle: s.TrickleNextCalls += count; break;
        }
    });

    /// <summary>No faults, and the history and the call count are cleared.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _settings = new FaultSettings();
            _random = NewRandom(null);
            _history.Clear();
            _apiCalls = 0;
        }
    }

    internal FaultDecision Decide(string method, string path)
    {
        lock (_gate)
        {
            _apiCalls++;
            var s = _settings;
            if (s.PathPrefix is { Length: > 0 } prefix && !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return new FaultDecision(FaultKind.None, 0, s.Clone());
            }

            var latency = s.LatencyMs + (s.LatencyJitterMs > 0 ? _random.Next(0, s.LatencyJitterMs + 1) : 0);
            var kind = TakeNext(s) ?? Roll(s) ?? FaultKind.None;
            if (kind != FaultKind.None)
            {
                _history.Add(new InjectedFault(DateTimeOffset.UtcNow, method, path, kind));
            }

            return new FaultDecision(kind, latency, s.Clone());
        }
    }

    private static FaultKind? TakeNext(FaultSettings s)
    {
        if (s.HangNextCalls > 0) { s.HangNextCalls--; return FaultKind.Hang; }
        if (s.TooManyRequestsNextCalls > 0) { s.TooManyRequestsNextCalls--; return FaultKind.TooManyRequests; }
        if (s.ServerErrorNextCalls > 0) { s.ServerErrorNextCalls--; return FaultKind.ServerError; }
        if (s.MalformedJsonNextCalls > 0) { s.MalformedJsonNextCalls--; return FaultKind.MalformedJson; }
        if (s.EmptyBodyNextCalls > 0) { s.EmptyBodyNextCalls--; return FaultKind.EmptyBody; }
        if (s.BlockedHtmlNextCalls > 0) { s.BlockedHtmlNextCalls--; return FaultKind.BlockedHtml; }
        if (s.NonJsonBodyNextCalls > 0) { s.NonJsonBodyNextCalls--; return FaultKind.NonJsonBody; }
        if (s.ResetMidBodyNextCalls > 0) { s.ResetMidBodyNextCalls--; return FaultKind.ResetMidBody; }
        if (s.TrickleNextCalls > 0) { s.TrickleNextCalls--; return FaultKind.Trickle; }
        return null;
    }

    private FaultKind? Roll(FaultSettings s)
    {
        if (Hit(s.HangProbability)) return FaultKind.Hang;
        if (Hit(s.TooManyRequestsProbability)) return FaultKind.TooManyRequests;
        if (Hit(s.ServerErrorProbability)) return FaultKind.ServerError;
        if (Hit(s.MalformedJsonProbability)) return FaultKind.MalformedJson;
        if (Hit(s.EmptyBodyProbability)) return FaultKind.EmptyBody;
        if (Hit(s.BlockedHtmlProbability)) return FaultKind.BlockedHtml;
        if (Hit(s.NonJsonBodyProbability)) return FaultKind.NonJsonBody;
        if (Hit(s.ResetMidBodyProbability)) return FaultKind.ResetMidBody;
        if (Hit(s.TrickleProbability)) return FaultKind.Trickle;
        return null;
    }

    private bool Hit(double probability) => probability > 0 && _random.NextDouble() < probability;

    private static Random NewRandom(int? seed) => seed is { } s ? new Random(s) : new Random();
}

internal sealed record FaultDecision(FaultKind Kind, int LatencyMs, FaultSettings Settings);
