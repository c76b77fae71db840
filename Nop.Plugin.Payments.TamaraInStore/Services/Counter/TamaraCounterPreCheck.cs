using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// Asks Tamara, before anything is sent, which plans this phone number can take for this amount
/// (POST /checkout/payment-options-pre-check), waiting at most <see cref="Budget"/>: a sale is never held up by it
/// </summary>
public class TamaraCounterPreCheck
{
    /// <summary>How long the counter waits for Tamara's answer before it goes on without it</summary>
    public static TimeSpan Budget { get; } = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger;
    private readonly ITamaraClient _tamaraClient;

    public TamaraCounterPreCheck(ILogger logger, ITamaraClient tamaraClient)
    {
        _logger = logger;
        _tamaraClient = tamaraClient;
    }

    public virtual async Task<TamaraCounterPreCheckResult> CheckAsync(TamaraInStoreSettings settings, string phoneNumber, decimal amount,
        string currencyCode, CancellationToken cancellationToken = default)
    {
        var request = new PaymentOptionsPreCheckRequest
        {
            Country = settings.CountryCode,
            OrderValue = new TamaraMoney(TamaraMoneyRounding.Round(amount, currencyCode), currencyCode),
            PhoneNumber = phoneNumber
        };

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Budget);
        var call = _tamaraClient.PaymentOptionsPreCheckAsync(settings, request, deadline.Token);
        try
        {
            // the client may not notice the token at once: the budget holds however it behaves
            var answered = await Task.WhenAny(call, Task.Delay(Budget, cancellationToken));
            if (answered != call)
            {
                deadline.Cancel();
                _ = call.ContinueWith(task => _ = task.Exception, TaskScheduler.Default);
                return TamaraCounterPreCheckResult.Skipped("no answer within " + Budget.TotalSeconds + " s");
            }

            var answer = await call;
            return answer.HasAvailablePaymentOptions
                ? TamaraCounterPreCheckResult.Offered(answer.AvailablePaymentLabels ?? [])
                : TamaraCounterPreCheckResult.Refused(answer.AvailablePaymentLabels ?? []);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TamaraCounterPreCheckResult.Skipped("no answer within " + Budget.TotalSeconds + " s");
        }
        catch (TamaraApiException exception)
        {
            await _logger.WarningAsync($"Tamara in-store: the payment-options pre-check failed, the sale goes on without it ({exception.Message})");
            return TamaraCounterPreCheckResult.Skipped(exception.Message);
        }
    }
}
