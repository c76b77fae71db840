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
    /// <summary>The request IS processed; then the connection is reset without any answer (the client sees a network error).</summary>
    DropAnswer,
}

public sealed record InjectedFault(DateTimeOffset At, string Method, string Path, FaultKind Kind);
