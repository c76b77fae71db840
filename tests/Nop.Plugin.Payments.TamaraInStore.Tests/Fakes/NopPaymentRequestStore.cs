using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// The payment request nopCommerce keeps between checkout steps (OrderProcessingService.Get/SetProcessPaymentRequestAsync,
/// nopCommerce 4.90). The payment-info step stores a new request with a new OrderGuid; while the stored GUID is younger than
/// PaymentSettings.RegenerateOrderGuidInterval (180 s by default) the new request takes over the stored GUID and its
/// timestamp, later it keeps its own. "Confirm" stores the request it loaded, so its GUID never changes there; a placed order
/// clears the store.
/// </summary>
public class NopPaymentRequestStore
{
    private readonly TimeProvider _clock;
    private ProcessPaymentRequest _stored;

    public NopPaymentRequestStore(TimeProvider clock) => _clock = clock;

    public TimeSpan RegenerateOrderGuidInterval { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>A request as ProcessPaymentRequest's constructor makes it, stamped with this store's clock</summary>
    public ProcessPaymentRequest NewRequest() => Stamp(new ProcessPaymentRequest());

    public ProcessPaymentRequest Stamp(ProcessPaymentRequest request)
    {
        request.OrderGuid = Guid.NewGuid();
        request.OrderGuidGeneratedOnUtc = _clock.GetUtcNow().UtcDateTime;
        return request;
    }

    public ProcessPaymentRequest Load() => _stored;

    public void Save(ProcessPaymentRequest request)
    {
        if (request is null)
        {
            _stored = null;
            return;
        }

        if (RegenerateOrderGuidInterval > TimeSpan.Zero && _stored?.OrderGuidGeneratedOnUtc is { } generatedOn
            && _clock.GetUtcNow().UtcDateTime - generatedOn < RegenerateOrderGuidInterval)
        {
            request.OrderGuid = _stored.OrderGuid;
            request.OrderGuidGeneratedOnUtc = generatedOn;
        }

        _stored = request;
    }
}
