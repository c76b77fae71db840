using System.Collections.Concurrent;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>nopCommerce's log, kept in memory so a test can see what the plugin reported</summary>
public class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();
    private readonly ConcurrentQueue<string> _pageUrls = new();

    /// <summary>The request being served, when there is one: each entry keeps its page URL as nopCommerce's logger does</summary>
    public Microsoft.AspNetCore.Http.IHttpContextAccessor HttpContextAccessor { get; set; }

    /// <summary>
    /// The page URL of every entry written during a request, with its query string, as nopCommerce's DefaultLogger stores
    /// it (<c>IWebHelper.GetThisPageUrl(true)</c>: path and query string of the current request)
    /// </summary>
    public IReadOnlyList<string> PageUrls => _pageUrls.ToList();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => _entries.ToList();

    public IReadOnlyList<string> Errors => Entries.Where(entry => entry.Level >= LogLevel.Error).Select(entry => entry.Message).ToList();

    public bool IsEnabled(LogLevel level) => true;

    public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null)
    {
        _entries.Enqueue((logLevel, shortMessage));
        if (HttpContextAccessor?.HttpContext?.Request is { } request)
            _pageUrls.Enqueue($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        return Task.CompletedTask;
    }

    public Task InformationAsync(string message, Exception exception = null, Customer customer = null) =>
        InsertLogAsync(LogLevel.Information, message);

    public Task WarningAsync(string message, Exception exception = null, Customer customer = null) =>
        InsertLogAsync(LogLevel.Warning, message);

    public Task ErrorAsync(string message, Exception exception = null, Customer customer = null) =>
        InsertLogAsync(LogLevel.Error, message);
}
