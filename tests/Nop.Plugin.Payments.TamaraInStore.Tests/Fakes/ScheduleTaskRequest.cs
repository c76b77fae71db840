using Microsoft.AspNetCore.Http;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

/// <summary>
/// How nopCommerce runs a scheduled task: its TaskThread POSTs to the store's /scheduletask/runtask and ScheduleTaskController
/// runs the task inside that request, so the request's HttpContext (path, host, RequestServices = the request's scope) is
/// what IHttpContextAccessor returns throughout the run
/// </summary>
public class ScheduleTaskRequest : IScheduleTask
{
    public const string StoreHost = "store.example";

    private readonly IHttpContextAccessor _httpContextAccessor;
    private readonly IServiceProvider _requestServices;
    private readonly IScheduleTask _task;

    public ScheduleTaskRequest(IHttpContextAccessor httpContextAccessor, IServiceProvider requestServices, IScheduleTask task)
    {
        _httpContextAccessor = httpContextAccessor;
        _requestServices = requestServices;
        _task = task;
    }

    /// <summary>The run's own request, once it started</summary>
    public HttpContext Context { get; private set; }

    public async Task ExecuteAsync()
    {
        Context = new DefaultHttpContext { RequestServices = _requestServices };
        Context.Request.Method = HttpMethods.Post;
        Context.Request.Scheme = "https";
        Context.Request.Host = new HostString(StoreHost);
        Context.Request.Path = $"/{NopTaskDefaults.ScheduleTaskPath}";

        // set within this async method: the caller's flow does not see it, the task's does
        _httpContextAccessor.HttpContext = Context;
        await _task.ExecuteAsync();
    }
}
