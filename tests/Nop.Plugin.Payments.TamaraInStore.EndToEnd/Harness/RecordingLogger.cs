using System.Collections.Concurrent;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>nopCommerce's log, kept in memory so a test can see what the plugin reported</summary>
public class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => _entries.ToList();

    public IReadOnlyList<string> Errors => Entries.Where(entry => entry.Level >= LogLevel.Error).Select(entry => entry.Message).ToList();

    public bool IsEnabled(LogLevel level) => true;

    public Task InsertLogAsync(LogLevel logLevel, string shortMessage, string fullMessage = "", Customer customer = null)
    {
        _entries.Enqueue((logLevel, shortMessage));
        return Task.CompletedTask;
    }

    public Task InformationAsync(string message, Exception exception = null, Customer customer = null) =>
        InsertLogAsync(LogLevel.Information, message);

    public Task WarningAsync(string message, Exception exception = null, Customer customer = null) =>
        InsertLogAsync(LogLevel.Warning, message);

    public Task ErrorAsync(string message, Exception exception = null, Customer customer = null) =>
        InsertLogAsync(LogLevel.Error, message);
}
