namespace TamaraSimulator;

/// <summary>
/// Collected request problems. Malformed or missing fields answer 400; business rules
/// (currency, limits, amounts not adding up) answer 422 when they are the only problems.
/// </summary>
internal sealed class ValidationIssues
{
    private readonly List<(string Code, string Message, bool Business)> _items = [];

    public bool Any => _items.Count > 0;

    public void Invalid(string code, string message) => _items.Add((code, message, false));

    public void Rule(string code, string message) => _items.Add((code, message, true));

    public IResult ToResult()
    {
        var status = _items.All(i => i.Business)
            ? StatusCodes.Status422UnprocessableEntity
            : StatusCodes.Status400BadRequest;
        var body = ApiResponses.ErrorBody(_items[0].Message, _items.Select(i => (i.Code, i.Message)));
        return ApiResponses.Json(body, status);
    }
}
