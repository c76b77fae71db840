using System.Net;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// Any failure talking to Tamara: an error answer, an unreadable answer, a timeout or no connection.
/// Carries the endpoint (method and path, never a token) and whether trying again may help.
/// </summary>
public class TamaraApiException : Exception
{
    public TamaraApiException(string message, HttpStatusCode? statusCode, string endpoint,
        IReadOnlyList<string> errorCodes = null, bool isTransient = false, TimeSpan? retryAfter = null,
        TamaraErrorKind kind = TamaraErrorKind.Api, Exception innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Endpoint = endpoint;
        ErrorCodes = errorCodes ?? Array.Empty<string>();
        IsTransient = isTransient;
        RetryAfter = retryAfter;
        Kind = kind;
    }

    /// <summary>HTTP status of Tamara's answer; null when no answer came (timeout, connection failure)</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>e.g. "POST /checkout/in-store-session"</summary>
    public string Endpoint { get; }

    /// <summary>Tamara's error codes (errors[].error_code), possibly empty</summary>
    public IReadOnlyList<string> ErrorCodes { get; }

    /// <summary>Whether the same call may succeed later (429, 5xx, timeouts, connection failures)</summary>
    public bool IsTransient { get; }

    /// <summary>What Tamara asked for in Retry-After, if anything</summary>
    public TimeSpan? RetryAfter { get; }

    public TamaraErrorKind Kind { get; }

    /// <summary>No answer arrived, or none that could be read: the call may or may not have taken effect at Tamara</summary>
    /// <remarks>An unreadable success answer counts too: Tamara accepted the call, but what it created is not known.</remarks>
    public bool OutcomeUnknown => Kind is TamaraErrorKind.Timeout or TamaraErrorKind.Network or TamaraErrorKind.InvalidResponse
        || (StatusCode.HasValue && (int)StatusCode.Value >= 500);
}
