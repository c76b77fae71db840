using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// One browser's worth of nopCommerce without the browser: its cookies, and the anti-forgery token every form posts.
/// Used where a page-by-page browser is too slow (hundreds of orders) or cannot be two places at once (one click on
/// each server of a farm at the same moment).
/// </summary>
public sealed class NopHttpSession : IDisposable
{
    private static readonly Regex TokenInput = new("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.IgnoreCase);
    private static readonly Regex ValueAttribute = new("value=\"([^\"]*)\"", RegexOptions.IgnoreCase);

    private readonly HttpClient _http;
    private string _token;

    public NopHttpSession(Uri baseUrl)
    {
        BaseUrl = baseUrl;
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(2)
        };
    }

    public Uri BaseUrl { get; }

    /// <summary>Where the last page ended up, after redirects</summary>
    public Uri LastUrl { get; private set; }

    /// <summary>A page, keeping the anti-forgery token of its first form for the next post</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        LastUrl = answer.RequestMessage?.RequestUri;
        var html = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode)
            Assert.Fail($"GET {BaseUrl}{path} answered {(int)answer.StatusCode}");
        var input = TokenInput.Match(html);
        if (input.Success)
            _token = WebUtility.HtmlDecode(ValueAttribute.Match(input.Value).Groups[1].Value);
        return html;
    }

    /// <summary>A form post with the session's anti-forgery token; the answer's body, whatever its status</summary>
    public async Task<(int Status, string Body, Uri FinalUrl)> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)).ToList();
        if (_token is not null)
            form.Add(new("__RequestVerificationToken", _token));
        using var answer = await _http.PostAsync(path, new FormUrlEncodedContent(form));
        return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.RequestMessage?.RequestUri);
    }

    /// <summary>A post answered with JSON (the one-page checkout's steps); fails the test on an error it names</summary>
    public async Task<JsonElement> PostForJsonAsync(string path, params (string Name, string Value)[] fields)
    {
        var (status, body, _) = await PostFormAsync(path, fields);
        if (status != 200)
            Assert.Fail($"POST {path} answered {status}: {Shorten(body)}");
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            Assert.Fail($"POST {path} answered no JSON: {Shorten(body)}");
            throw;
        }

        if (json.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null && error.ToString() is not ("0" or "False" or "false"))
            Assert.Fail($"POST {path}: {(json.TryGetProperty("message", out var message) ? message.ToString() : body)}");
        return json;
    }

    /// <summary>
    /// The storefront's sign-in, then the administration. An impersonation left open on the admin's account (nopCommerce
    /// keeps it there, not in the session) is finished first, as the storefront's logout does.
    /// </summary>
    public async Task LoginAsync(string email, string password)
    {
        await GetPageAsync("login");
        var (status, _, finalUrl) = await PostFormAsync("login", ("Email", email), ("Password", password), ("RememberMe", "false"));
        Assert.That(status, Is.EqualTo(200), $"signed in at {BaseUrl}");
        Assert.That(finalUrl?.AbsolutePath, Does.Not.Contain("login").IgnoreCase, $"signed in at {BaseUrl}");
        await GetPageAsync("Admin");
        if (!InAdministration)
        {
            await FinishImpersonationAsync();
            await GetPageAsync("Admin");
        }

        Assert.That(InAdministration, Is.True, $"in the administration at {BaseUrl}: {LastUrl}");
    }

    /// <summary>The storefront's "Finish impersonation" (its logout link while impersonating)</summary>
    public Task FinishImpersonationAsync() => GetPageAsync("logout");

    private bool InAdministration => LastUrl?.AbsolutePath.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Customers → Edit → "Place order": from here on the storefront is that customer's, as for the clerk</summary>
    public async Task ImpersonateAsync(int customerId)
    {
        await GetPageAsync($"Admin/Customer/Edit/{customerId}");
        await PostFormAsync($"Admin/Customer/Edit/{customerId}", ("impersonate", ""));
    }

    /// <summary>The order page's "Partial refund" popup, opened then posted; the popup's answer</summary>
    public async Task<(int Status, string Body)> PartialRefundAsync(int orderId, decimal amount) =>
        await SubmitPartialRefundAsync(await OpenPartialRefundAsync(orderId), amount);

    /// <summary>The order page's "Partial refund" popup, opened: its address and the hidden fields its form posts</summary>
    public async Task<RefundPopup> OpenPartialRefundAsync(int orderId)
    {
        var path = $"Admin/Order/PartiallyRefundOrderPopup/{orderId}?online=true";
        return new RefundPopup(path, HiddenFields(await GetPageAsync(path)).ToList());
    }

    /// <summary>The popup's Refund button: as a browser does, the form's hidden fields (the payment method's widgets render some) go with the amount</summary>
    public async Task<(int Status, string Body)> SubmitPartialRefundAsync(RefundPopup popup, decimal amount)
    {
        var fields = popup.HiddenFields
            .Append(("AmountToRefund", amount.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(("partialrefundorder", ""))
            .ToArray();
        var (status, body, _) = await PostFormAsync(popup.Path, fields);
        return (status, body);
    }

    private static readonly Regex HiddenInput = new("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase);
    private static readonly Regex NameAttribute = new("name=\"([^\"]*)\"", RegexOptions.IgnoreCase);

    /// <summary>The page's hidden inputs but the anti-forgery token, which every post adds</summary>
    public static IEnumerable<(string Name, string Value)> HiddenFields(string html) => HiddenInput.Matches(html)
        .Select(input => (Name: NameAttribute.Match(input.Value).Groups[1].Value, Value: WebUtility.HtmlDecode(ValueAttribute.Match(input.Value).Groups[1].Value)))
        .Where(field => field.Name.Length > 0 && field.Name != "__RequestVerificationToken");

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    public void Dispose() => _http.Dispose();
}

/// <summary>An opened refund popup: where it posts, and its form's hidden fields</summary>
public sealed record RefundPopup(string Path, IReadOnlyList<(string Name, string Value)> HiddenFields)
{
    public string Field(string name) => HiddenFields.FirstOrDefault(field => field.Name == name).Value;
}
