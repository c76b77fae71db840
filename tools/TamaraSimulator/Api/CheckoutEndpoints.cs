using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class CheckoutEndpoints
{
    public static void MapCheckoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/checkout/in-store-session", async (HttpRequest request, SessionRequestValidator validator, SimulatorState state) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var (session, invalid) = validator.ValidateSmsSession(body);
            return invalid ?? Create(state, session!, request);
        });

        app.MapPost("/checkout/in-store", async (HttpRequest request, SessionRequestValidator validator, SimulatorState state) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var (session, invalid) = validator.ValidateQrSession(body, request.Headers["X-Device-Id"].ToString());
            return invalid ?? Create(state, session!, request);
        });

        app.MapPost("/checkout/{checkoutId}/void", (string checkoutId, string? order_id, string? store_code, SimulatorState state) =>
        {
            if (string.IsNullOrWhiteSpace(order_id))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "order_id_required", "The order_id query parameter is required");
            }

            var result = state.VoidSession(checkoutId, order_id, store_code);
            if (!result.IsSuccess)
            {
                return ApiResponses.Error(result.Error!);
            }

            var order = result.Value!;
            return ApiResponses.Json(new JsonObject
            {
                ["order_was_voided"] = true,
                ["checkout_id"] = order.CheckoutId,
                ["order_id"] = order.OrderId,
                ["order_status"] = order.Status,
                ["store_code"] = order.StoreCode,
            });
        });

        // Unsure: shape and limits of the real answer; given so a client can show availability.
        app.MapGet("/checkout/payment-types", (string? country, string? currency, decimal? order_value, SimulatorOptions options) =>
        {
            var cur = currency ?? "SAR";
            var types = new JsonArray();
            if (order_value is null || (order_value >= options.MinAmount && order_value <= options.MaxAmount))
            {
                types.Add(new JsonObject
                {
                    ["name"] = "PAY_BY_INSTALMENTS",
                    ["description"] = $"Split in {options.Instalments}, interest-free",
                    ["min_limit"] = OrderJson.Money(options.MinAmount, cur),
                    ["max_limit"] = OrderJson.Money(options.MaxAmount, cur),
                    ["supported_instalments"] = new JsonArray(new JsonObject
                    {
                        ["instalments"] = options.Instalments,
                        ["min_limit"] = OrderJson.Money(options.MinAmount, cur),
                        ["max_limit"] = OrderJson.Money(options.MaxAmount, cur),
                    }),
                });
            }

            return ApiResponses.Json(types);
        });
    }

    private static IResult Create(SimulatorState state, NewSession session, HttpRequest request)
    {
        var result = state.CreateSession(session, $"{request.Scheme}://{request.Host}");
        return result.IsSuccess
            ? ApiResponses.Json(OrderJson.SessionAnswer(result.Value!))
            : ApiResponses.Error(result.Error!);
    }
}
