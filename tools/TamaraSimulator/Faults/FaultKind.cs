namespace TamaraSimulator;

public enum FaultKind
{
    None,
    /// <summary>The request is not processed; a 5xx answer.</summary>
    ServerError,
    /// <summary>The request is not processed; 429 with Retry-After.</summary>
    TooManyRequests,
    /// <summary>The answer is delayed by HangMs (longer than a client's timeout).</summary>
    Hang,
    /// <summary>The request IS processed; the JSON answer is cut in half.</summary>
    MalformedJson,
    /// <summary>The request IS processed; the answer has an empty body.</summary>
    EmptyBody,
    /// <summary>The request is not processed: a CDN or firewall in front of the API answers 403 with an HTML page.</summary>
    BlockedHtml,
    /// <summary>The request IS processed; the answer is 200 with an HTML page instead of JSON.</summary>
    NonJsonBody,
    /// <summary>The request IS processed; half of the answer is sent, then the connection is reset.</summary>
    ResetMidBody,
    /// <summary>The request IS processed; the answer trickles out one byte every TrickleByteDelayMs.</summary>
    Trickle,
}

public sealed record InjectedFault(DateTimeOffset At, string Method, string Path, FaultKind Kind);
