using Nop.Plugin.Payments.TamaraInStore.RealHost;
namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>The customer's phone: the simulator's SMS outbox page, the link in the message, Pay or Decline</summary>
public sealed class TamaraCustomer
{
    private readonly IBrowserContext _context;

    public TamaraCustomer(IBrowserContext context) => _context = context;

    public async Task PayAsync(string phoneDigits) => await AnswerAsync(phoneDigits, "button.pay", "paid");

    public async Task DeclineAsync(string phoneDigits) => await AnswerAsync(phoneDigits, "button.decline", "declined");

    private async Task AnswerAsync(string phoneDigits, string button, string name)
    {
        var page = await _context.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(RealHostSuite.Tamara.BaseAddress, "sms").ToString());
            var row = page.Locator("tr", new PageLocatorOptions { HasText = phoneDigits }).First;
            await RealHostSuite.Screens.TakeAsync(page, $"tamara-sms-{phoneDigits}");
            await row.Locator("a").ClickAsync();
            await page.Locator(button).WaitForAsync();
            await RealHostSuite.Screens.TakeAsync(page, $"tamara-pay-page-{phoneDigits}");
            await page.ClickAsync(button);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await RealHostSuite.Screens.TakeAsync(page, $"tamara-{name}-{phoneDigits}");
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
