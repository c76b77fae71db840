using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks.RealHost;

/// <summary>
/// The clerk's counter checkout through the requests nopCommerce's one-page checkout posts (as the real-host suite's
/// HttpCheckout does), with the confirm-order POST timed, and the plugin's call to Tamara inside it read from the
/// HttpClient lines nopCommerce writes to its log
/// </summary>
public sealed class RealHostCheckout
{
    public const string CustomerEmail = "steve_gates@nopCommerce.com";
    private const int ProductId = 3;

    private static readonly Regex BillingAddressOption = new(
        "<select[^>]*name=\"billing_address_id\"[^>]*>.*?<option[^>]*value=\"(\\d+)\"", RegexOptions.Singleline | RegexOptions.IgnoreCase);
    private static readonly Regex SessionCallEnded = new(
        @"POST http://[^ ]+/checkout/in-store-session\s.*?End processing HTTP request after ([\d.]+)ms", RegexOptions.Singleline);

    private readonly NopHttpSession _clerk;
    private readonly string _logPath;
    private string _billingAddressId;
    private int _phones;

    private RealHostCheckout(NopHttpSession clerk, string logPath)
    {
        _clerk = clerk;
        _logPath = logPath;
    }

    /// <summary>Signed in as the admin, "Place order" for the sample customer</summary>
    public static async Task<RealHostCheckout> StartAsync(RealHostStore store, NopHttpSession clerk)
    {
        await clerk.LoginAsync(store.Host.AdminEmail, store.Host.AdminPassword);
        await clerk.ImpersonateAsync(await store.Database.CustomerIdAsync(CustomerEmail));
        await clerk.GetPageAsync("lenovo-ideacentre");
        return new RealHostCheckout(clerk, store.Host.LogPath);
    }

    /// <summary>One order paid with Tamara: the confirm POST's wall time, and the plugin's Tamara call within it (NaN when the log does not show it)</summary>
    public async Task<(double ConfirmMs, double TamaraCallMs)> PlaceTamaraOrderAsync()
    {
        await _clerk.PostForJsonAsync($"addproducttocart/details/{ProductId}/1", ($"addtocart_{ProductId}.EnteredQuantity", "1"));
        if (_billingAddressId is null)
        {
            var address = BillingAddressOption.Match(await _clerk.GetPageAsync("onepagecheckout"));
            _billingAddressId = address.Success ? address.Groups[1].Value : throw new InvalidOperationException("the customer has no billing address to choose");
        }

        await _clerk.PostForJsonAsync("checkout/OpcSaveBilling", ("billing_address_id", _billingAddressId));
        await _clerk.PostForJsonAsync("checkout/OpcSavePaymentMethod", ("paymentmethod", TamaraInStoreDefaults.SystemName));
        // a number of its own per order: the plugin limits the open links per phone
        var phone = $"055{DateTime.UtcNow:mmss}{Interlocked.Increment(ref _phones) % 1000:000}";
        var info = await _clerk.PostForJsonAsync("checkout/OpcSavePaymentInfo", ("PhoneNumber", phone), ("Email", CustomerEmail));
        if (!info.ToString().Contains("confirm_order", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("Tamara's payment information was not accepted: " + info);

        var logOffset = LogLength();
        var clock = Stopwatch.StartNew();
        var confirmed = await _clerk.PostForJsonAsync("checkout/OpcConfirmOrder");
        var confirmMs = clock.Elapsed.TotalMilliseconds;
        if (!confirmed.ToString().Contains("success", StringComparison.OrdinalIgnoreCase) && !confirmed.ToString().Contains("redirect", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("the order was not confirmed: " + confirmed);
        await _clerk.GetPageAsync("checkout/completed");

        return (confirmMs, TamaraCallMs(logOffset));
    }

    private long LogLength() => _logPath is not null && File.Exists(_logPath) ? new FileInfo(_logPath).Length : -1;

    private double TamaraCallMs(long offset)
    {
        if (offset < 0)
            return double.NaN;
        using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        var match = SessionCallEnded.Match(new StreamReader(stream).ReadToEnd());
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }
}
