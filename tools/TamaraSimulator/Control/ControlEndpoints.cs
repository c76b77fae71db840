using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>The simulator's own API under /_sim/ (no token): drive orders, faults and inspect deliveries.</summary>
internal static class ControlEndpoints
{
    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var sim = app.MapGroup("/_sim");

        sim.MapGet("/orders", (SimulatorState state, SimulatorOptions options) =>
            ApiResponses.Json(new JsonArray(state.Orders.Select(o => (JsonNode)OrderJson.Order(o, options.MerchantId)).ToArray())));

        sim.MapGet("/orders/{id}", (string id, SimulatorState state, SimulatorOptions options) =>
            state.FindOrder(id) is { } o
                ? ApiResponses.Json(OrderJson.Order(o, options.MerchantId))
                : ApiResponses.Error(StatusCodes.Status404NotFound, "order_not_found", "Order not found"));

        sim.MapPost("/orders/{id}/pay", (string id, SimulatorState state, SimulatorOptions options) =>
            OrderResult(state.Pay(id), options));

        sim.MapPost("/orders/{id}/pay-at-next-void", (string id, SimulatorState state, SimulatorOptions options) =>
            OrderResult(state.PayAtNextVoid(id), options));

        sim.MapPost("/orders/{id}/decline", async (string id, HttpRequest request, SimulatorState state, SimulatorOptions options) =>
        {
            var body = await OptionalBodyAsync(request);
            return OrderResult(state.Decline(id,
                Text(body, "declined_reason") ?? "The customer did not pass Tamara's checks",
                Text(body, "declined_code") ?? "customer_not_eligible",
                Text(body, "decline_type") ?? "risk"), options);
        });

        sim.MapPost("/orders/{id}/expire", (string id, SimulatorState state, SimulatorOptions options) =>
            OrderResult(state.ExpireNow(id), options));

        sim.MapPost("/orders/{id}/portal-refund", async (string id, HttpRequest request, SimulatorState state) =>
        {
            var body = await OptionalBodyAsync(request);
            if (!RequestJson.TryReadDecimal(body?["amount"], out var amount))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "amount_required", "Body { \"amount\": number, \"comment\"?: string } expected");
            }

            var result = state.PortalRefund(id, amount, Text(body, "comment"));
            return result.IsSuccess ? ApiResponses.Json(OrderJson.RefundAnswer(result.Value!)) : ApiResponses.Error(result.Error!);
        });

        sim.MapPost("/orders/{id}/silent-change", async (string id, HttpRequest request, SimulatorState state, SimulatorOptions options) =>
        {
            var body = await OptionalBodyAsync(request);
            decimal? captured = null, refunded = null;
            if (body is null
                || body["captured_amount"] is not null && !TryAmount(body["captured_amount"], out captured)
                || body["refunded_amount"] is not null && !TryAmount(body["refunded_amount"], out refunded))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "change_required",
                    "Body { \"status\"?: string, \"captured_amount\"?: number, \"refunded_amount\"?: number } expected");
            }

            return OrderResult(state.ChangeSilently(id, new SilentChange(Text(body, "status"), captured, refunded)), options);
        });

        sim.MapPost("/orders/{id}/disputes", async (string id, HttpRequest request, SimulatorState state) =>
        {
            var body = await OptionalBodyAsync(request);
            decimal? amount = null;
            DateTimeOffset? respondBy = null;
            if (body?["amount"] is not null && !TryAmount(body["amount"], out amount)
                || body?["respond_by"] is not null && !TryTime(body, "respond_by", out respondBy))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "dispute_invalid",
                    "Body { \"amount\"?: number, \"reason\"?: string, \"respond_by\"?: ISO 8601 time } expected");
            }

            return DisputeResult(state.OpenDispute(id, amount, Text(body, "reason"), respondBy));
        });

        sim.MapPost("/disputes/{id}/update", async (string id, HttpRequest request, SimulatorState state) =>
        {
            var body = await OptionalBodyAsync(request);
            DateTimeOffset? respondBy = null;
            if (body is null
                || body["status"] is null && body["respond_by"] is null
                || body["respond_by"] is not null && !TryTime(body, "respond_by", out respondBy))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "dispute_change_required",
                    "Body { \"status\"?: string, \"respond_by\"?: ISO 8601 time } expected");
            }

            return DisputeResult(state.UpdateDispute(id, Text(body, "status"), respondBy));
        });

        sim.MapPost("/disputes/{id}/close", async (string id, HttpRequest request, SimulatorState state) =>
        {
            var outcome = Text(await OptionalBodyAsync(request), "outcome");
            if (outcome is null)
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "outcome_required",
                    $"Body {{ \"outcome\": {string.Join(" | ", DisputeOutcomes.All.Keys)} }} expected");
            }

            return DisputeResult(state.CloseDispute(id, outcome));
        });

        sim.MapGet("/disputes", (SimulatorState state) =>
            ApiResponses.Json(new JsonArray(state.Disputes.Select(d => (JsonNode)DisputeEndpoints.Dispute(d)).ToArray())));

        sim.MapDelete("/webhooks/{id}", (string id, SimulatorState state) =>
            state.DeleteWebhook(id)
                ? Results.NoContent()
                : ApiResponses.Error(StatusCodes.Status404NotFound, "webhook_not_found", "Webhook not found"));

        sim.MapGet("/webhooks", (SimulatorState state) => Results.Json(state.Webhooks));

        sim.MapPut("/refunds/hold", async (HttpRequest request, SimulatorState state) =>
        {
            var body = await OptionalBodyAsync(request);
            if (body?["hold"] is not JsonValue hold || hold.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "hold_required", "Body { \"hold\": true|false } expected");
            }

            state.HoldRefunds = hold.GetValue<bool>();
            return Results.Json(new { hold = state.HoldRefunds });
        });

        sim.MapPost("/orders/{id}/release-refunds", (string id, SimulatorState state, SimulatorOptions options) =>
            OrderResult(state.ReleaseRefunds(id), options));

        sim.MapPost("/sweep", (SimulatorState state) => Results.Json(new { expired = state.SweepExpired() }));

        sim.MapGet("/sms", (SimulatorState state) => Results.Json(state.SmsOutbox));

        sim.MapGet("/notifications", (SimulatorState state) =>
            Results.Json(new { notifications = state.Notifications, deliveries = state.DeliveryAttempts }));

        sim.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Current));

        sim.MapPut("/faults", (FaultSettings settings, FaultInjector faults) =>
        {
            faults.Set(settings);
            return Results.Json(faults.Current);
        });

        sim.MapPost("/faults/reset", (FaultInjector faults) =>
        {
            faults.Reset();
            return Results.Json(faults.Current);
        });

        sim.MapGet("/faults/history", (FaultInjector faults) => Results.Json(faults.History));

        sim.MapPost("/verified-phones", async (HttpRequest request, SimulatorState state) =>
        {
            var phone = Text(await OptionalBodyAsync(request), "phone_number");
            if (phone is null)
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "phone_number_required", "Body { \"phone_number\": string } expected");
            }

            state.AddVerifiedPhone(phone);
            return Results.NoContent();
        });

        sim.MapPost("/reset", (SimulatorState state, FaultInjector faults, PreCheckSwitch preCheck) =>
        {
            state.Reset();
            faults.Reset();
            preCheck.Mode = PreCheckMode.Offer;
            return Results.NoContent();
        });
    }

    private static IResult OrderResult(SimResult<SimOrder> result, SimulatorOptions options) =>
        result.IsSuccess
            ? ApiResponses.Json(OrderJson.Order(result.Value!, options.MerchantId))
            : ApiResponses.Error(result.Error!);

    private static IResult DisputeResult(SimResult<SimDispute> result) =>
        result.IsSuccess ? ApiResponses.Json(DisputeEndpoints.Dispute(result.Value!)) : ApiResponses.Error(result.Error!);

    private static bool TryTime(JsonObject body, string field, out DateTimeOffset? time)
    {
        var read = DateTimeOffset.TryParse(Text(body, field), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var value);
        time = read ? value : null;
        return read;
    }

    private static async Task<JsonObject?> OptionalBodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryAmount(JsonNode? node, out decimal? amount)
    {
        var read = RequestJson.TryReadDecimal(node, out var value);
        amount = read ? value : null;
        return read;
    }

    private static string? Text(JsonObject? body, string field) =>
        body?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
