using Moq;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Logging;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Api;

/// <summary>
/// A stub Tamara server per fixture, a client pointed at it, a logger that keeps every message and a retry policy that never sleeps
/// </summary>
public abstract class TamaraApiTestBase
{
    protected const string ApiToken = "test-api-token-5f3c9a1e";

    protected StubTamaraServer Server { get; private set; }

    protected List<(LogLevel Level, string Message)> Logs { get; } = [];

    protected List<TimeSpan> RetryDelays { get; } = [];

    [OneTimeSetUp]
    public async Task StartServerAsync() => Server = await StubTamaraServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServerAsync() => await Server.DisposeAsync();

    [SetUp]
    public void ResetState()
    {
        Server.Reset();
        Logs.Clear();
        RetryDelays.Clear();
    }

    protected TamaraInStoreSettings Settings(int timeoutSeconds = 5, bool debugLogging = true) => new()
    {
        ApiToken = ApiToken,
        ApiBaseUrlOverride = Server.BaseUrl,
        RequestTimeoutSeconds = timeoutSeconds,
        DebugLogging = debugLogging
    };

    protected TamaraClient CreateClient() => new(new HttpClient(), CreateLogger(), TimeProvider.System, new TamaraRetryPolicy
    {
        Jitter = () => 0.5,
        Delay = (delay, cancellationToken) =>
        {
            RetryDelays.Add(delay);
            return Task.Delay(TimeSpan.Zero, cancellationToken);
        }
    });

    protected string AllLogText => string.Join("\n", Logs.Select(log => $"{log.Level}: {log.Message}"));

    private ILogger CreateLogger()
    {
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        logger.Setup(l => l.InsertLogAsync(It.IsAny<LogLevel>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Customer>()))
            .Callback<LogLevel, string, string, Customer>((level, shortMessage, fullMessage, _) => Logs.Add((level, $"{shortMessage}\n{fullMessage}")))
            .Returns(Task.CompletedTask);
        logger.Setup(l => l.InformationAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Callback<string, Exception, Customer>((message, exception, _) => Logs.Add((LogLevel.Information, $"{message}\n{exception}")))
            .Returns(Task.CompletedTask);
        logger.Setup(l => l.WarningAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Callback<string, Exception, Customer>((message, exception, _) => Logs.Add((LogLevel.Warning, $"{message}\n{exception}")))
            .Returns(Task.CompletedTask);
        logger.Setup(l => l.ErrorAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Callback<string, Exception, Customer>((message, exception, _) => Logs.Add((LogLevel.Error, $"{message}\n{exception}")))
            .Returns(Task.CompletedTask);

        return logger.Object;
    }
}
