using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Models;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Checkout;

/// <summary>
/// What the counter page shows about a session, and who may see it
/// </summary>
public class TamaraSessionStatusService
{
    private readonly ILocalizationService _localizationService;
    private readonly IWorkContext _workContext;

    public TamaraSessionStatusService(ILocalizationService localizationService, IWorkContext workContext)
    {
        _localizationService = localizationService;
        _workContext = workContext;
    }

    /// <summary>
    /// Only the session's own customer, which includes staff while they impersonate that customer
    /// (nopCommerce then makes the customer the current customer)
    /// </summary>
    public virtual async Task<bool> CanViewAsync(TamaraSession session)
    {
        if (session is null)
            return false;

        var customer = await _workContext.GetCurrentCustomerAsync();
        return customer is not null && customer.Id == session.CustomerId;
    }

    public virtual async Task<SessionStatusModel> PrepareAsync(TamaraSession session) => new()
    {
        State = session.State.ToString().ToLowerInvariant(),
        TamaraStatus = session.TamaraStatus ?? string.Empty,
        Label = await _localizationService.GetResourceAsync($"Plugins.Payments.TamaraInStore.Counter.State.{session.State}"),
        IsFinal = session.State != TamaraSessionState.Pending
    };
}
