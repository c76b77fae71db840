using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Refunds;

/// <summary>
/// What a refund page showed when it was opened: the last refund of the order it knew of. The order card and the partial
/// refund popup carry it in a hidden field of nopCommerce's form, so the click posts it back; two clicks made from one
/// page (a double click, or the same form on both servers of a web farm) claim the same basis and only one is sent, while
/// a page opened after a refund has a basis of its own.
/// </summary>
public static class TamaraRefundBasis
{
    public const string FormField = "tamara_instore_refund_basis";

    /// <summary>
    /// The order's last refund as a page shows it: refunds still being sent are not shown yet (nopCommerce counts a refund
    /// once it returns), so the basis is the one those clicks were made from
    /// </summary>
    public static int Of(IEnumerable<TamaraRefund> rows)
    {
        var list = rows.ToList();
        var firstInFlight = list.Where(row => row.State == TamaraRefundState.Requested).Select(row => row.Id).DefaultIfEmpty(int.MaxValue).Min();
        return list.Where(row => row.Id < firstInFlight).Select(row => row.Id).DefaultIfEmpty(0).Max();
    }

    /// <summary>The hidden input a page renders inside nopCommerce's form</summary>
    public static string HiddenField(int orderId, int basis) =>
        $"<input type=\"hidden\" name=\"{FormField}\" value=\"{Format(orderId, basis)}\" />";

    /// <summary>The field's value: the order it belongs to, and the basis</summary>
    public static string Format(int orderId, int basis) =>
        string.Create(CultureInfo.InvariantCulture, $"{orderId}:{basis}");

    /// <summary>The basis the click's form posted for this order; null without one (or with one for another order)</summary>
    public static async Task<int?> PostedAsync(HttpContext httpContext, int orderId)
    {
        var request = httpContext?.Request;
        if (request is null || !string.Equals(request.Method, HttpMethods.Post, StringComparison.OrdinalIgnoreCase) || !request.HasFormContentType)
            return null;

        // nopCommerce's model binding has read the form already; this returns that copy
        var value = (await request.ReadFormAsync())[FormField].ToString();
        var separator = value.IndexOf(':');
        if (separator <= 0
            || !int.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var postedOrderId)
            || !int.TryParse(value.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var basis)
            || postedOrderId != orderId)
            return null;

        return basis;
    }
}
