using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        // The guide uses /merchants/orders/{id}; the reference page shows /orders/{id}: both answer the same.
        app.MapGet("/merchants/orders/{orderId}", (string orderId, SimulatorState state, SimulatorOptions options) =>
            Answer(state.FindOrder(orderId) is { } o && o.OrderId == orderId ? o : null, options));

        app.MapGet("/orders/{orderId}", (string orderId, SimulatorState state, SimulatorOptions options) =>
            Answer(state.FindOrder(orderId) is { } o && o.OrderId == orderId ? o : null, options));

        app.MapGet("/merchants/orders/reference-id/{orderReferenceId}", (string orderReferenceId, SimulatorState state, SimulatorOptions options) =>
            Answer(state.FindOrderByReference(orderReferenceId), options));

        app.MapPut("/orders/{orderId}/reference-id", async (string orderId, HttpRequest request, SimulatorState state) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var issues = new ValidationIssues();
            var reference = RequestJson.ReadString(body, "order_reference_id", issues, required: true);
            if (issues.Any)
            {
                return issues.ToResult();
            }

            var result = state.UpdateOrderReference(orderId, reference!);
            return result.IsSuccess
                ? ApiResponses.Json(new JsonObject { ["message"] = "Order reference id was updated successfully" })
                : ApiResponses.Error(result.Error!);
        });
    }

    private static IResult Answer(SimOrder? order, SimulatorOptions options) =>
        order is null
            ? ApiResponses.Error(StatusCodes.Status404NotFound, "order_not_found", "Order not found")
            : ApiResponses.Json(OrderJson.Order(order, options.MerchantId));
}
