using System.Text.Json.Nodes;

namespace TamaraSimulator;

/// <summary>POST /checkout/payment-options-pre-check: the plans this phone number can take for this amount</summary>
internal static class PreCheckEndpoints
{
    private const string Path = "/checkout/payment-options-pre-check";

    public static void MapPreCheckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpRequest request, SimulatorOptions options, PreCheckSwitch preCheck) =>
        {
            Interlocked.Increment(ref preCheck.Received);
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (body is null)
            {
                return error!;
            }

            var (orderValue, invalid) = Validate(body, options);
            if (invalid is not null)
            {
                return invalid;
            }

            if (preCheck.Mode == PreCheckMode.Hang)
            {
                try
                {
                    await Task.Delay(preCheck.HangFor, options.TimeProvider, request.HttpContext.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }

            var offered = preCheck.Mode != PreCheckMode.Refuse
                && orderValue!.Amount >= options.MinAmount && orderValue.Amount <= options.MaxAmount;
            return ApiResponses.Json(Answer(offered, orderValue!, options));
        });

        var sim = app.MapGroup("/_sim");
        sim.MapGet("/pre-check", (PreCheckSwitch preCheck) => Results.Json(State(preCheck)));
        sim.MapPut("/pre-check", async (HttpRequest request, PreCheckSwitch preCheck) =>
        {
            var (body, _) = await RequestJson.ReadObjectAsync(request);
            var mode = body?["mode"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (!Enum.TryParse<PreCheckMode>(mode, ignoreCase: true, out var parsed) || int.TryParse(mode, out _))
            {
                return ApiResponses.Error(StatusCodes.Status400BadRequest, "mode_required", "Body { \"mode\": \"offer\" | \"refuse\" | \"hang\" } expected");
            }

            preCheck.Mode = parsed;
            if (RequestJson.TryReadInt(body!["hang_seconds"], out var seconds) && seconds > 0)
            {
                preCheck.HangFor = TimeSpan.FromSeconds(seconds);
            }

            return Results.Json(State(preCheck));
        });
    }

    /// <summary>Required country, order_value {amount, currency} and phone_number, checked like the session endpoints</summary>
    private static (Money? OrderValue, IResult? Error) Validate(JsonObject body, SimulatorOptions options)
    {
        var issues = new ValidationIssues();
        var country = RequestJson.ReadString(body, "country", issues, required: true, maxLength: 2);
        if (country is not null && !Countries.Contains(country.ToUpperInvariant()))
        {
            issues.Invalid("invalid_country", $"country '{country}' is not one of {string.Join(", ", Countries)}");
        }

        var orderValue = MoneyReader.Read(body["order_value"], "order_value", issues, required: true);
        if (orderValue is not null)
        {
            if (!options.EffectiveCurrencies.Contains(orderValue.Currency))
            {
                issues.Rule("currency_not_supported", $"Currency {orderValue.Currency} is not supported");
            }
            else if (orderValue.Amount <= 0m)
            {
                issues.Invalid("invalid_order_value", "order_value.amount must be positive");
            }
        }

        var rawPhone = RequestJson.ReadString(body, "phone_number", issues, required: true, maxLength: 32);
        if (rawPhone is not null && country is not null && PhoneNumbers.Normalize(rawPhone, country.ToUpperInvariant()) is null)
        {
            issues.Invalid("invalid_phone_number", $"phone_number '{rawPhone}' is not a valid {country} mobile number");
        }

        if (body["is_vip"] is { } vip && vip.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            issues.Invalid("invalid_is_vip", "is_vip must be true or false");
        }

        return issues.Any ? (null, issues.ToResult()) : (orderValue, null);
    }

    private static readonly string[] Countries = ["SA", "AE", "KW", "BH", "OM", "QA"];

    private static JsonObject Answer(bool offered, Money orderValue, SimulatorOptions options)
    {
        var labels = new JsonArray();
        if (offered)
        {
            var instalment = Currencies.Round(orderValue.Amount / options.Instalments, orderValue.Currency);
            labels.Add(new JsonObject
            {
                ["payment_type"] = "PAY_BY_INSTALMENTS",
                ["instalment"] = options.Instalments,
                ["description_en"] = $"Split in {options.Instalments} payments of {instalment} {orderValue.Currency}, interest-free",
                ["description_ar"] = $"قسّمها على {options.Instalments} دفعات، كل دفعة {instalment} {orderValue.Currency}، بدون فوائد",
            });
            labels.Add(new JsonObject
            {
                ["payment_type"] = "PAY_NOW",
                ["instalment"] = 0,
                ["description_en"] = "Pay in full now",
                ["description_ar"] = "ادفع المبلغ كاملاً الآن",
            });
        }

        return new JsonObject
        {
            ["has_available_payment_options"] = offered,
            ["single_checkout_enabled"] = offered,
            ["available_payment_labels"] = labels,
        };
    }

    private static object State(PreCheckSwitch preCheck) =>
        new { mode = preCheck.Mode.ToString().ToLowerInvariant(), hang_seconds = (int)preCheck.HangFor.TotalSeconds, received = preCheck.Received };
}
