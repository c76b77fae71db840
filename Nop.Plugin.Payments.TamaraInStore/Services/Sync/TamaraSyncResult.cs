using System.Net;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

public class TamaraSyncResult
{
    public TamaraSyncOutcome Outcome { get; init; }

    /// <summary>The status Tamara reported, as text; null when Tamara was not read</summary>
    public string TamaraStatus { get; init; }

    public TamaraSessionState? SessionState { get; init; }

    /// <summary>Tamara's HTTP status when the read failed</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>How long Tamara asked us to wait, when it said so</summary>
    public TimeSpan? RetryAfter { get; init; }

    public string Error { get; init; }

    /// <summary>Tamara could not be reached at all (no answer, not an error answer)</summary>
    public bool Unreachable { get; init; }

    /// <summary>Whether the nopCommerce order itself changed (paid or cancelled), so a page showing it is stale</summary>
    public bool OrderChanged { get; init; }

    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests;

    public static TamaraSyncResult UnknownOrder { get; } = new() { Outcome = TamaraSyncOutcome.UnknownOrder };

    public static TamaraSyncResult Busy { get; } = new() { Outcome = TamaraSyncOutcome.Busy };
}
