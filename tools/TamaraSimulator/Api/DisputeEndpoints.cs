using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>Tamara's dispute list (path as in the reference's API explorer).</summary>
internal static class DisputeEndpoints
{
    public const string ListPath = "/external/merchants/orders/disputes";

    public static void MapDisputeEndpoints(this IEndpointRouteBuilder app)
    {
        IResult List(HttpRequest request, SimulatorState state)
        {
            var issues = new ValidationIssues();
            var orderId = Query(request, "order_id");
            var reference = Query(request, "merchant_order_reference_id");
            var status = Query(request, "dispute_status");
            if (status is not null && !DisputeStatuses.All.Contains(status))
            {
                issues.Invalid("invalid_dispute_status", $"dispute_status must be one of {string.Join(", ", DisputeStatuses.All)}");
            }

            if (issues.Any)
            {
                return issues.ToResult();
            }

            var disputes = state.FindDisputes(orderId, reference, status);
            return ApiResponses.Json(new JsonObject
            {
                ["disputes"] = new JsonArray(disputes.Select(d => (JsonNode)Dispute(d)).ToArray()),
            });
        }

        // answers with and without the trailing slash of the reference's path
        app.MapGet(ListPath, List);
    }

    public static JsonObject Dispute(SimDispute d) => new()
    {
        ["dispute_id"] = d.DisputeId,
        ["order_id"] = d.OrderId,
        ["merchant_order_reference_id"] = d.OrderReferenceId,
        ["dispute_status"] = d.Status,
        ["reason"] = d.Reason,
        ["disputed_amount"] = OrderJson.Money(d.Amount, d.Currency),
        ["merchant_response_deadline"] = OrderJson.Timestamp(d.RespondBy),
        ["created_at"] = OrderJson.Timestamp(d.CreatedAt),
        ["updated_at"] = OrderJson.Timestamp(d.UpdatedAt),
        ["refund_id"] = d.RefundId,
    };

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;
}
