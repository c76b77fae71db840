using Nop.Plugin.Payments.TamaraInStore.RealHost;
namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>
/// The customer's phone: the simulator's SMS outbox page and the link in the message, or the link a scanned QR code
/// holds; then Pay or Decline
/// </summary>
public sealed class TamaraCustomer
{
    private readonly IBrowserContext _context;

    public TamaraCustomer(IBrowserContext context) => _context = context;

    public async Task PayAsync(string phoneDigits) => await AnswerAsync(phoneDigits, "button.pay", "paid");

    public async Task DeclineAsync(string phoneDigits) => await AnswerAsync(phoneDigits, "button.decline", "declined");

    /// <summary>Scans the counter page's QR code (opens the link it holds) and pays</summary>
    public async Task ScanAndPayAsync(string deeplink) => await AnswerAsync(deeplink, "button.pay", "paid", scanned: true);

    private async Task AnswerAsync(string phoneDigitsOrLink, string button, string name, bool scanned = false)
    {
        var page = await _context.NewPageAsync();
        var phoneDigits = scanned ? "qr" : phoneDigitsOrLink;
        try
        {
            if (scanned)
            {
                await page.GotoAsync(phoneDigitsOrLink);
            }
            else
            {
                await page.GotoAsync(new Uri(RealHostSuite.Tamara.BaseAddress, "sms").ToString());
                var row = page.Locator("tr", new PageLocatorOptions { HasText = phoneDigits }).First;
                await RealHostSuite.Screens.TakeAsync(page, $"tamara-sms-{phoneDigits}");
                await row.Locator("a").ClickAsync();
            }
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
