using System.Text.Json;
using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class WebhookEndpoints
{
    public static void MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks", async (HttpRequest request, SimulatorState state, SimulatorOptions options) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var (registration, invalid) = Read(body, options);
            if (invalid is not null)
            {
                return invalid;
            }

            var created = state.RegisterWebhook(registration!.Type, registration.Events, registration.Url, registration.Headers);
            return ApiResponses.Json(new JsonObject { ["webhook_id"] = created.WebhookId });
        });

        app.MapGet("/webhooks", (SimulatorState state) =>
            ApiResponses.Json(new JsonArray(state.Webhooks.Select(w => (JsonNode)ToJson(w)).ToArray())));

        app.MapGet("/webhooks/{webhookId}", (string webhookId, SimulatorState state) =>
            state.FindWebhook(webhookId) is { } w ? ApiResponses.Json(ToJson(w)) : NotFound());

        app.MapPut("/webhooks/{webhookId}", async (string webhookId, HttpRequest request, SimulatorState state, SimulatorOptions options) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var (registration, invalid) = Read(body, options);
            if (invalid is not null)
            {
                return invalid;
            }

            var updated = state.UpdateWebhook(webhookId, registration!.Type, registration.Events, registration.Url, registration.Headers);
            return updated is null ? NotFound() : ApiResponses.Json(ToJson(updated));
        });

        app.MapDelete("/webhooks/{webhookId}", (string webhookId, SimulatorState state) =>
            state.DeleteWebhook(webhookId) ? Results.NoContent() : NotFound());
    }

    private static IResult NotFound() =>
        ApiResponses.Error(StatusCodes.Status404NotFound, "webhook_not_found", "Webhook not found");

    private static JsonObject ToJson(WebhookRegistration w)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in w.Headers)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["webhook_id"] = w.WebhookId,
            ["type"] = w.Type,
            ["events"] = new JsonArray(w.Events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
            ["url"] = w.Url,
            ["headers"] = headers,
            ["created_at"] = OrderJson.Timestamp(w.CreatedAt),
        };
    }

    private static (WebhookRegistration? Registration, IResult? Error) Read(JsonObject body, SimulatorOptions options)
    {
        var issues = new ValidationIssues();
        var type = RequestJson.ReadString(body, "type", issues, required: true);
        var allowedEvents = type is null ? EventTypes.All : EventTypes.ForRegistrationType(type);
        if (allowedEvents is null)
        {
            issues.Invalid("invalid_type", "type must be 'order' or 'dispute'");
        }

        var events = new List<string>();
        if (body["events"] is JsonArray list && list.Count > 0)
        {
            foreach (var node in list)
            {
                var name = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
                if (name is null || (allowedEvents is not null && !allowedEvents.Contains(name)))
                {
                    issues.Invalid("invalid_event", $"Unknown event '{node?.ToJsonString()}'");
                }
                else
                {
                    events.Add(name);
                }
            }
        }
        else
        {
            issues.Invalid("events_required", "events must be a non-empty list");
        }

        var url = RequestJson.ReadString(body, "url", issues, required: true, maxLength: RequestSchema.WebhookUrlMaxLength);
        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                issues.Invalid("invalid_url", "url must be an absolute http(s) URL");
            }
            else if (!options.AllowNonLoopbackWebhooks && !LoopbackUrls.IsLoopbackHost(uri.Host))
            {
                issues.Invalid("invalid_url", "The simulator only delivers to loopback URLs (127.0.0.1, localhost)");
            }
        }

        var headers = new Dictionary<string, string>();
        if (body["headers"] is JsonObject headerObject)
        {
            foreach (var (name, value) in headerObject)
            {
                headers[name] = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? "";
            }
        }
        else if (body["headers"] is not null)
        {
            issues.Invalid("invalid_headers", "headers must be an object");
        }

        return issues.Any
            ? (null, issues.ToResult())
            : (new WebhookRegistration("", type!, events, url!, headers, default), null);
    }
}
