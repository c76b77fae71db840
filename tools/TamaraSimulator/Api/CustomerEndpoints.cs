using System.Text.Json.Nodes;

namespace TamaraSimulator;

internal static class CustomerEndpoints
{
    private static readonly string[] Countries = ["SA", "AE"];

    public static void MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        // The guide says POST with query parameters, the reference page GET: both are accepted.
        app.MapMethods("/merchants/customer/id-verification-status", ["GET", "POST"],
            (string? phone_number, string? country_code, SimulatorState state) =>
            {
                if (string.IsNullOrWhiteSpace(phone_number))
                {
                    return ApiResponses.Error(StatusCodes.Status400BadRequest, "phone_number_required", "phone_number is required");
                }

                var country = (country_code ?? "").ToUpperInvariant();
                if (!Countries.Contains(country))
                {
                    return ApiResponses.Error(StatusCodes.Status400BadRequest, "invalid_country_code", "country_code must be SA or AE");
                }

                if (PhoneNumbers.Normalize(phone_number, country) is null)
                {
                    return ApiResponses.Error(StatusCodes.Status400BadRequest, "invalid_phone_number",
                        $"phone_number '{phone_number}' is not a valid {country} mobile number");
                }

                return ApiResponses.Json(new JsonObject { ["is_id_verified"] = state.IsIdVerified(phone_number, country) });
            });
    }
}
