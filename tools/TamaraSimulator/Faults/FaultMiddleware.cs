namespace TamaraSimulator;

/// <summary>Applies latency and the fault chosen by <see cref="FaultInjector"/> to Tamara API calls.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }

        var decision = faults.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
        // A hang ends when the client gives up or the simulator stops, whichever comes first.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var aborted = linked.Token;
        try
        {
            if (decision.LatencyMs > 0)
            {
                await Task.Delay(decision.LatencyMs, aborted);
            }

            await ApplyAsync(context, decision, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (e.g. its timeout during a hang) or the simulator is stopping.
            context.Abort();
        }
    }

    private async Task ApplyAsync(HttpContext context, FaultDecision decision, CancellationToken aborted)
    {
        var settings = decision.Settings;
        switch (decision.Kind)
        {
            case FaultKind.ServerError:
                await ApiResponses.WriteErrorAsync(context, settings.ServerErrorStatusCode, "internal_server_error",
                    "Simulated server error");
                return;

            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ApiResponses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests",
                    "Too many requests");
                return;

            case FaultKind.Hang when !settings.HangAfterProcessing:
                await Task.Delay(settings.HangMs, aborted);
                await ApiResponses.WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, "gateway_timeout",
                    "Simulated hang ended");
                return;

            case FaultKind.BlockedHtml:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(BlockedPage, aborted);
                return;

            case FaultKind.Hang:
            case FaultKind.MalformedJson:
            case FaultKind.EmptyBody:
            case FaultKind.NonJsonBody:
            case FaultKind.ResetMidBody:
            case FaultKind.Trickle:
                await ProcessThenCorruptAsync(context, decision, aborted);
                return;

            default:
                await next(context);
                return;
        }
    }

    private async Task ProcessThenCorruptAsync(HttpContext context, FaultDecision decision, CancellationToken aborted)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        switch (decision.Kind)
        {
            case FaultKind.Hang:
                await Task.Delay(decision.Settings.HangMs, aborted);
                break;
            case FaultKind.MalformedJson:
                body = body.Length >= 2 ? body[..(body.Length / 2)] : "{\"order"u8.ToArray();
                break;
            case FaultKind.EmptyBody:
                body = [];
                break;
            case FaultKind.NonJsonBody:
                body = System.Text.Encoding.UTF8.GetBytes(OkPage);
                context.Response.ContentType = "text/html; charset=utf-8";
                break;
            case FaultKind.ResetMidBody:
                // the full length is announced, half is sent, then the connection is dropped
                context.Response.ContentLength = body.Length;
                await original.WriteAsync(body.AsMemory(0, body.Length / 2), aborted);
                await original.FlushAsync(aborted);
                context.Abort();
                return;
            case FaultKind.Trickle:
                context.Response.ContentLength = body.Length;
                foreach (var b in body)
                {
                    await Task.Delay(decision.Settings.TrickleByteDelayMs, aborted);
                    await original.WriteAsync(new[] { b }, aborted);
                    await original.FlushAsync(aborted);
                }

                return;
        }

        context.Response.ContentLength = body.Length;
        if (body.Length > 0)
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    private const string BlockedPage =
        "<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><h1>Access denied</h1>"
        + "<p>The request was blocked by the security service protecting this site. Reference #18.5f2c.1733612345</p></body></html>";

    private const string OkPage =
        "<!DOCTYPE html><html><head><title>Please wait</title></head><body><p>Checking your browser before accessing the site.</p></body></html>";
}
