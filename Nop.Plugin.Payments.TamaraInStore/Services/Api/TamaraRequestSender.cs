using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Nop.Core.Domain.Logging;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Api;

/// <summary>
/// The plumbing shared by every Tamara call: base URL, authentication, JSON, per-call timeout, error mapping,
/// retries of the calls that may be repeated, and masked logging.
/// </summary>
internal sealed class TamaraRequestSender
{
    private readonly HttpClient _httpClient;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly TamaraRetryPolicy _retryPolicy;

    public TamaraRequestSender(HttpClient httpClient, ILogger logger, TimeProvider timeProvider, TamaraRetryPolicy retryPolicy)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retryPolicy = retryPolicy ?? TamaraRetryPolicy.Default;
    }

    /// <returns>The answer; default when the call has no body to read or a 404 means "nothing there"</returns>
    /// <exception cref="TamaraApiException">Any failure; the caller's cancellation surfaces as OperationCanceledException</exception>
    public async Task<TResponse> SendAsync<TResponse>(TamaraInStoreSettings settings, TamaraCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(call);

        var attempt = 0;
        try
        {
            var baseUrl = ResolveBaseUrl(settings, call);
            var requestBody = call.Body is null ? null : TamaraJson.Serialize(call.Body);

            while (true)
            {
                attempt++;
                try
                {
                    return await SendOnceAsync<TResponse>(settings, baseUrl, call, requestBody, cancellationToken);
                }
                catch (TamaraApiException exception) when (call.Retryable && _retryPolicy.ShouldRetry(attempt, exception))
                {
                    var delay = _retryPolicy.GetDelay(attempt, exception.RetryAfter);
                    await LogAsync(LogLevel.Warning,
                        $"Tamara: {call.Endpoint} failed on attempt {attempt} of {_retryPolicy.MaxAttempts} ({Describe(exception)}); trying again in {delay.TotalMilliseconds:0} ms");
                    await _retryPolicy.Delay(delay, cancellationToken);
                }
            }
        }
        catch (TamaraApiException exception) when (exception.StatusCode is not null && exception.StatusCode == call.HandledFailureStatus)
        {
            throw;
        }
        catch (TamaraApiException exception)
        {
            await LogAsync(LogLevel.Error,
                $"Tamara API call failed: {exception.Endpoint}, {Describe(exception)}, attempts: {attempt}",
                $"Message: {SensitiveDataMasker.MaskText(exception.Message)}{Environment.NewLine}Error codes: {string.Join(", ", exception.ErrorCodes)}");
            throw;
        }
    }

    public static TamaraApiException InvalidResponse(TamaraCall call, string problem) =>
        new($"Tamara's answer to {call.Endpoint} could not be read: {problem}", HttpStatusCode.OK, call.Endpoint,
            kind: TamaraErrorKind.InvalidResponse);

    private static string ResolveBaseUrl(TamaraInStoreSettings settings, TamaraCall call)
    {
        if (string.IsNullOrWhiteSpace(settings.ApiToken))
            throw Configuration(call, "The Tamara API token is not configured");

        var baseUrl = TamaraBaseUrl.For(settings);

        // the token goes in every request: plain http only to this machine (settings saved before this rule existed)
        if (!TamaraBaseUrl.IsAllowed(baseUrl))
            throw Configuration(call, "The Tamara API base URL must use https (http only on a loopback address)");

        return baseUrl.TrimEnd('/');
    }

    private static TamaraApiException Configuration(TamaraCall call, string message) =>
        new(message, null, call.Endpoint, kind: TamaraErrorKind.Configuration);

    private async Task<TResponse> SendOnceAsync<TResponse>(TamaraInStoreSettings settings, string baseUrl, TamaraCall call,
        string requestBody, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(settings, baseUrl, call, requestBody);
        if (settings.DebugLogging)
        {
            await LogAsync(LogLevel.Information, $"Tamara request: {call.Method.Method} {SensitiveDataMasker.MaskQuery(call.PathAndQuery)}",
                SensitiveDataMasker.MaskBody(requestBody));
        }

        // a value saved before the limit existed must not let a call outlive the order's lock either
        var timeoutSeconds = TamaraCallBudget.EffectiveTimeoutSeconds(settings, _retryPolicy);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds), _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var stopwatch = Stopwatch.StartNew();

        HttpStatusCode status;
        HttpResponseHeaders headers;
        string mediaType;
        string responseBody;
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            responseBody = await response.Content.ReadAsStringAsync(linked.Token);
            status = response.StatusCode;
            headers = response.Headers;
            mediaType = response.Content.Headers.ContentType?.MediaType;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // ours (the per-call timeout, or HttpClient.Timeout), not the caller's: the caller's passes through untouched
            throw new TamaraApiException($"Tamara did not answer {call.Endpoint} within {timeoutSeconds} s", null, call.Endpoint,
                isTransient: true, kind: TamaraErrorKind.Timeout, innerException: exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new TamaraApiException($"Could not reach Tamara for {call.Endpoint}: {exception.Message}", null, call.Endpoint,
                isTransient: true, kind: TamaraErrorKind.Network, innerException: exception);
        }

        var webPage = TamaraErrorParser.IsWebPage(mediaType, responseBody);
        if (settings.DebugLogging)
        {
            await LogAsync(LogLevel.Information,
                $"Tamara response: {call.Endpoint} answered HTTP {(int)status} in {stopwatch.ElapsedMilliseconds} ms",
                webPage ? $"(a web page of {responseBody.Length} characters, not logged)" : SensitiveDataMasker.MaskBody(responseBody));
        }

        if ((int)status is >= 200 and < 300)
            return ReadSuccess<TResponse>(call, responseBody);

        // a web page is not Tamara saying "no such thing": something in front of the API answered
        if (status == HttpStatusCode.NotFound && call.NotFoundIsEmpty && !webPage)
            return default;

        throw webPage && IsRefusalStatus(status) ? Blocked(call, status) : ToException(call, status, responseBody, headers);
    }

    private static HttpRequestMessage CreateRequest(TamaraInStoreSettings settings, string baseUrl, TamaraCall call, string requestBody)
    {
        var request = new HttpRequestMessage(call.Method, baseUrl + call.PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiToken.Trim());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", TamaraInStoreDefaults.UserAgent);
        foreach (var (name, value) in call.Headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);

        if (requestBody is not null)
            request.Content = new StringContent(requestBody, Encoding.UTF8, "application/json");

        return request;
    }

    private static TResponse ReadSuccess<TResponse>(TamaraCall call, string responseBody)
    {
        if (!call.ResponseBodyRequired)
            return default;

        if (string.IsNullOrWhiteSpace(responseBody))
            throw InvalidResponse(call, "the body is empty");

        if (TamaraErrorParser.IsWebPage(null, responseBody))
            throw InvalidResponse(call, "a web page came back instead of JSON (something in front of Tamara's API answered)");

        try
        {
            return TamaraJson.Deserialize<TResponse>(responseBody) ?? throw InvalidResponse(call, "the body is null");
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidCastException or FormatException)
        {
            throw new TamaraApiException($"Tamara's answer to {call.Endpoint} could not be read: the body is not the expected JSON",
                HttpStatusCode.OK, call.Endpoint, kind: TamaraErrorKind.InvalidResponse, innerException: exception);
        }
    }

    private TamaraApiException ToException(TamaraCall call, HttpStatusCode status, string responseBody, HttpResponseHeaders headers)
    {
        var error = TamaraErrorParser.Parse(status, responseBody);
        var transient = status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
        var retryAfter = TamaraRetryPolicy.ReadRetryAfter(headers, _timeProvider.GetUtcNow());

        return new TamaraApiException(error.Message, status, call.Endpoint, error.ErrorCodes, transient, retryAfter);
    }

    /// <summary>
    /// A 4xx HTML page instead of Tamara's JSON: something in front of the API (a CDN, a firewall) stopped the call, so nothing
    /// happened at Tamara. Its text is never shown. (A 5xx page, a gateway error, keeps the usual mapping: the outcome is
    /// unknown, as for any 5xx.)
    /// </summary>
    private static TamaraApiException Blocked(TamaraCall call, HttpStatusCode status) =>
        new($"Tamara's API was blocked for {call.Endpoint}: a firewall or CDN in front of it answered HTTP {(int)status} ({status}) with a web page, so the call did not reach Tamara",
            status, call.Endpoint, kind: TamaraErrorKind.Blocked);

    private static bool IsRefusalStatus(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private static string Describe(TamaraApiException exception) => exception.StatusCode is { } status
        ? $"HTTP {(int)status} {status}: {SensitiveDataMasker.MaskText(exception.Message)}"
            + (exception.ErrorCodes.Count > 0 ? $" [{string.Join(", ", exception.ErrorCodes)}]" : string.Empty)
        : $"{exception.Kind}: {SensitiveDataMasker.MaskText(exception.Message)}";

    private async Task LogAsync(LogLevel level, string shortMessage, string fullMessage = "")
    {
        try
        {
            await _logger.InsertLogAsync(level, shortMessage, fullMessage ?? string.Empty);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // a failing log must not turn a payment call into a failure
        }
    }
}
