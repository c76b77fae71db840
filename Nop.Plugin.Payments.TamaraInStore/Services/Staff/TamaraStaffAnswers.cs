using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>The words staff read after an action on an order's Tamara payment</summary>
public class TamaraStaffAnswers
{
    private const string ResourcePrefix = "Plugins.Payments.TamaraInStore.OrderBlock.";

    private readonly ILocalizationService _localizationService;

    public TamaraStaffAnswers(ILocalizationService localizationService)
    {
        _localizationService = localizationService;
    }

    public virtual async Task<TamaraOrderActionOutcome> AnswerAsync(int orderId, bool success, string resourceKey, bool reloadPage = false, params object[] arguments)
    {
        var text = await _localizationService.GetResourceAsync(ResourcePrefix + resourceKey);
        var message = arguments.Length == 0 ? text : string.Format(text, arguments);

        return new TamaraOrderActionOutcome(orderId, success, message, reloadPage);
    }

    public virtual Task<TamaraOrderActionOutcome> VoidAnswerAsync(int orderId, TamaraVoidResult result) =>
        AnswerAsync(orderId, result.Succeeded, $"Void.{result.Outcome}", result.OrderChanged, result.TamaraStatus ?? "-", result.Error ?? string.Empty);
}
