using System.Text;

namespace TamaraSimulator;

/// <summary>Plain HTML: the SMS outbox and the page the customer opens from the link.</summary>
internal static class CustomerPages
{
    public static void MapCustomerPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Html.Page("Tamara simulator",
            "<ul><li><a href=\"/sms\">SMS outbox</a></li><li><a href=\"/_sim/orders\">Orders (JSON)</a></li>" +
            "<li><a href=\"/_sim/notifications\">Notifications (JSON)</a></li><li><a href=\"/_sim/faults\">Faults (JSON)</a></li></ul>"));

        app.MapGet("/sms", (SimulatorState state) =>
        {
            var rows = new StringBuilder();
            foreach (var sms in state.SmsOutbox.Reverse())
            {
                rows.Append("<tr><td>").Append(Html.E(sms.SentAt.ToString("u"))).Append("</td><td>")
                    .Append(Html.E(sms.PhoneNumber)).Append("</td><td>")
                    .Append(Html.E($"{sms.Amount} {sms.Currency}")).Append("</td><td><a href=\"")
                    .Append(Html.E(sms.Link)).Append("\">").Append(Html.E(sms.Link)).Append("</a></td></tr>");
            }

            var body = rows.Length == 0
                ? "<p>No SMS sent yet.</p>"
                : $"<table><tr><th>Sent</th><th>Phone</th><th>Amount</th><th>Link</th></tr>{rows}</table>";
            return Html.Page("SMS outbox", body);
        });

        app.MapGet("/pay/{checkoutId}", (string checkoutId, SimulatorState state) =>
        {
            var order = state.FindOrder(checkoutId);
            return order is null || order.CheckoutId != checkoutId
                ? Html.Page("Checkout not found", "<p>This payment link is not valid.</p>", StatusCodes.Status404NotFound)
                : Html.Page("Pay with Tamara", Summary(order));
        });

        app.MapPost("/pay/{checkoutId}/pay", (string checkoutId, SimulatorState state) =>
        {
            state.Pay(checkoutId);
            return Results.Redirect($"/pay/{checkoutId}", permanent: false, preserveMethod: false);
        });

        app.MapPost("/pay/{checkoutId}/decline", (string checkoutId, SimulatorState state) =>
        {
            state.Decline(checkoutId);
            return Results.Redirect($"/pay/{checkoutId}", permanent: false, preserveMethod: false);
        });
    }

    private static string Summary(SimOrder order)
    {
        var items = new StringBuilder();
        foreach (var item in order.Items)
        {
            items.Append("<tr><td>").Append(Html.E(item.Name)).Append("</td><td>").Append(item.Quantity)
                .Append("</td><td>").Append(Html.E($"{item.TotalAmount.Amount} {order.Currency}")).Append("</td></tr>");
        }

        var instalment = Currencies.Round(order.TotalAmount / order.Instalments, order.Currency);
        var html = new StringBuilder()
            .Append("<p>Order <b>").Append(Html.E(order.OrderNumber ?? order.OrderReferenceId ?? order.OrderId)).Append("</b></p>")
            .Append("<p>Total: <b>").Append(Html.E($"{order.TotalAmount} {order.Currency}")).Append("</b>")
            .Append(" – ").Append(order.Instalments).Append(" payments of ").Append(Html.E($"{instalment} {order.Currency}")).Append("</p>")
            .Append("<p>Status: <span class=\"status\" id=\"status\">").Append(Html.E(order.Status)).Append("</span></p>");
        if (items.Length > 0)
        {
            html.Append("<table><tr><th>Item</th><th>Qty</th><th>Total</th></tr>").Append(items).Append("</table>");
        }

        if (order.Status == OrderStatuses.New)
        {
            var id = Html.E(order.CheckoutId);
            html.Append("<form method=\"post\" action=\"/pay/").Append(id).Append("/pay\" style=\"display:inline\">")
                .Append("<button class=\"pay\" type=\"submit\">Pay</button></form>")
                .Append("<form method=\"post\" action=\"/pay/").Append(id).Append("/decline\" style=\"display:inline\">")
                .Append("<button class=\"decline\" type=\"submit\">Decline</button></form>")
                .Append("<p><small>Link valid until ").Append(Html.E(order.ExpiresAt.ToString("u"))).Append("</small></p>");
        }
        else if (order.Status is OrderStatuses.FullyCaptured or OrderStatuses.PartiallyRefunded or OrderStatuses.FullyRefunded)
        {
            html.Append("<p>Paid. Thank you!</p>");
        }

        return html.ToString();
    }
}
