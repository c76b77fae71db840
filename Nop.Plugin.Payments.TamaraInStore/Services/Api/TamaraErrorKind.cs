namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

public enum TamaraErrorKind
{
    /// <summary>Tamara answered with an error status</summary>
    Api,

    /// <summary>No answer within the configured timeout</summary>
    Timeout,

    /// <summary>No connection could be made or it broke</summary>
    Network,

    /// <summary>A success status with a body that is empty or not the expected JSON</summary>
    InvalidResponse,

    /// <summary>The call was not made: the settings lack what it needs (token, base URL)</summary>
    Configuration,

    /// <summary>Something in front of Tamara's API (a CDN, a firewall) refused the call with a web page: it never reached Tamara</summary>
    Blocked
}
