namespace TamaraSimulator;

/// <summary>
/// What to break. "NextCalls" counters are consumed one per matching API call, in the order
/// Hang, TooManyRequests, ServerError, MalformedJson, EmptyBody, BlockedHtml, NonJsonBody, ResetMidBody, Trickle,
/// before any probability is rolled,
/// so tests get exact behaviour.
/// </summary>
public sealed class FaultSettings
{
    /// <summary>Only API paths starting with this prefix are affected (null: all API paths).</summary>
    public string? PathPrefix { get; set; }

    public int LatencyMs { get; set; }
    public int LatencyJitterMs { get; set; }

    public double ServerErrorProbability { get; set; }
    public int ServerErrorNextCalls { get; set; }
    public int ServerErrorStatusCode { get; set; } = 500;

    public double TooManyRequestsProbability { get; set; }
    public int TooManyRequestsNextCalls { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;

    public double HangProbability { get; set; }
    public int HangNextCalls { get; set; }
    public int HangMs { get; set; } = 120_000;
    /// <summary>When true the request is processed first and only the answer hangs.</summary>
    public bool HangAfterProcessing { get; set; }

    public double MalformedJsonProbability { get; set; }
    public int MalformedJsonNextCalls { get; set; }

    public double EmptyBodyProbability { get; set; }
    public int EmptyBodyNextCalls { get; set; }

    public double BlockedHtmlProbability { get; set; }
    public int BlockedHtmlNextCalls { get; set; }

    public double NonJsonBodyProbability { get; set; }
    public int NonJsonBodyNextCalls { get; set; }

    public double ResetMidBodyProbability { get; set; }
    public int ResetMidBodyNextCalls { get; set; }

    public double TrickleProbability { get; set; }
    public int TrickleNextCalls { get; set; }
    /// <summary>The wait before each byte of a trickled answer.</summary>
    public int TrickleByteDelayMs { get; set; } = 500;

    /// <summary>Every notification is delivered twice.</summary>
    public bool DuplicateNotifications { get; set; }
    /// <summary>Events raised together (approved, authorised, captured) are delivered in reverse order.</summary>
    public bool OutOfOrderNotifications { get; set; }
    /// <summary>The first N attempts of every delivery are dropped (not sent) and then retried.</summary>
    public int DropNotificationAttempts { get; set; }

    /// <summary>Seed for the probability rolls (null: random).</summary>
    public int? RandomSeed { get; set; }

    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();
}
