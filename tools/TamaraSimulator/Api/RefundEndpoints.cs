namespace TamaraSimulator;

internal static class RefundEndpoints
{
    public static void MapRefundEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payments/simplified-refund/{orderId}", async (string orderId, HttpRequest request, SimulatorState state) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var issues = new ValidationIssues();
            var amount = MoneyReader.Read(body["total_amount"], "total_amount", issues, required: true);
            var comment = RequestJson.ReadString(body, "comment", issues, required: true, maxLength: 4096);
            var merchantRefundId = RequestJson.ReadString(body, "merchant_refund_id", issues, required: false);
            if (amount is { Amount: <= 0m })
            {
                issues.Invalid("invalid_total_amount", "total_amount.amount must be positive");
            }

            if (issues.Any)
            {
                return issues.ToResult();
            }

            var result = state.Refund(orderId, amount!.Amount, amount.Currency, comment!, merchantRefundId);
            return result.IsSuccess
                ? ApiResponses.Json(OrderJson.RefundAnswer(result.Value!))
                : ApiResponses.Error(result.Error!);
        });
    }
}
