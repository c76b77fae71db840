using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Sync;

/// <summary>
/// Workers running beside a scheduled task's own request, each in a DI scope of its own that nopCommerce's scoped services
/// take for a schedule-task request of its own
/// </summary>
/// <remarks>
/// nopCommerce runs a task inside a POST to /scheduletask/runtask, and resolves through that request wherever it goes through
/// EngineContext: the event publisher takes the consumers of OrderPaidEvent (e-mails, our own consumer) from
/// HttpContext.RequestServices. WebWorkContext and WebStoreContext read the request (path, host, cookies) and write the
/// customer cookie to its response. Were the task's request to flow into the workers, every worker's consumers would come from
/// the task's one scope, used at the same time, and every worker would write cookies on the same response. So the workers
/// start without the request's execution context, and each sees a request of its own: the schedule-task path (WebWorkContext
/// takes the built-in background-task customer, never a guest), the task request's scheme and host (WebStoreContext finds
/// the same store), its own scope as RequestServices, and a response that has already started (no cookie is written).
/// It also gets the task request's endpoint and route values and an action context of its own: nopCommerce's e-mails build
/// their links (order details, account pages) with a URL helper made from IActionContextAccessor's action context, and
/// without one every e-mail sent from a worker logs an error and loses its links.
/// </remarks>
public static class TamaraTaskWorkers
{
    public static Task[] Start(int count, IServiceScopeFactory scopeFactory, IHttpContextAccessor httpContextAccessor,
        Func<IServiceProvider, Task> work)
    {
        var taskContext = httpContextAccessor?.HttpContext;
        var taskRequest = taskContext?.Request;
        var origin = new WorkerOrigin(taskRequest?.Scheme, taskRequest?.Host, taskRequest?.PathBase, taskContext?.GetEndpoint(),
            taskRequest is null ? new RouteValueDictionary() : new RouteValueDictionary(taskRequest.RouteValues));
        var cultures = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        using (ExecutionContext.SuppressFlow())
            return Enumerable.Range(0, count)
                .Select(_ => Task.Run(() => RunAsync(scopeFactory, httpContextAccessor, origin, cultures, work)))
                .ToArray();
    }

    private static async Task RunAsync(IServiceScopeFactory scopeFactory, IHttpContextAccessor httpContextAccessor,
        WorkerOrigin origin, (CultureInfo Culture, CultureInfo UiCulture) cultures,
        Func<IServiceProvider, Task> work)
    {
        CultureInfo.CurrentCulture = cultures.Culture;
        CultureInfo.CurrentUICulture = cultures.UiCulture;

        await using var scope = scopeFactory.CreateAsyncScope();
        var actionContextAccessor = scope.ServiceProvider.GetService<IActionContextAccessor>();
        if (httpContextAccessor is not null)
        {
            var request = WorkerRequest(scope.ServiceProvider, origin);
            httpContextAccessor.HttpContext = request;
            if (actionContextAccessor is not null)
                actionContextAccessor.ActionContext = new ActionContext(request, request.GetRouteData(), new ActionDescriptor());
        }
        try
        {
            await work(scope.ServiceProvider);
        }
        finally
        {
            // clears this worker's own request only: the task's was never seen here
            if (httpContextAccessor is not null)
                httpContextAccessor.HttpContext = null;
            if (actionContextAccessor is not null)
                actionContextAccessor.ActionContext = null;
        }
    }

    private static HttpContext WorkerRequest(IServiceProvider services, WorkerOrigin origin)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Features.Set<IHttpResponseFeature>(new StartedResponseFeature());
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = $"/{NopTaskDefaults.ScheduleTaskPath}";
        if (origin.Scheme is not null)
            context.Request.Scheme = origin.Scheme;
        if (origin.Host is { } host)
            context.Request.Host = host;
        if (origin.PathBase is { } pathBase)
            context.Request.PathBase = pathBase;
        if (origin.Endpoint is not null)
            context.SetEndpoint(origin.Endpoint);
        foreach (var (key, value) in origin.RouteValues)
            context.Request.RouteValues[key] = value;

        return context;
    }

    private sealed record WorkerOrigin(string Scheme, HostString? Host, PathString? PathBase, Endpoint Endpoint, RouteValueDictionary RouteValues);

    /// <summary>A response nothing can add headers (cookies) to</summary>
    private sealed class StartedResponseFeature : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }
}
