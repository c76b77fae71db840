using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.EndToEnd.Harness;

/// <summary>What nopCommerce does with the plugin once orders exist: the scheduled task, staff buttons, refunds</summary>
public sealed partial class EndToEndEnvironment
{
    public Counter Counter => new(this);

    public Order Order(int orderId) => Orders.Get(orderId);

    public TamaraSession SessionOf(int orderId) => Sessions.Rows.Where(session => session.OrderId == orderId).OrderBy(session => session.Id).Last();

    public IReadOnlyList<TamaraRefund> RefundsOf(int orderId) => Refunds.Rows.Where(refund => refund.OrderId == orderId).ToList();

    /// <summary>Registers the store's webhook URL with Tamara for all of the plugin's events (order and dispute)</summary>
    public async Task RegisterWebhookAsync()
    {
        // set-up, not what a test measures: a short timeout a test chose for its faults would fail it on a busy machine
        var timeout = StoreSettings.RequestTimeoutSeconds;
        StoreSettings.RequestTimeoutSeconds = Math.Max(timeout, 30);
        try
        {
            // as the configuration page's button does: the order and the dispute webhook
            using var scope = Plugin.CreateScope();
            await scope.ServiceProvider.GetRequiredService<TamaraWebhookRegistrar>()
                .RepairAsync(StoreSettings, Harness.StoreSettings.StoreId, Plugin.WebhookUrl.ToString());
        }
        finally
        {
            StoreSettings.RequestTimeoutSeconds = timeout;
        }
    }

    /// <summary>One run of the scheduled task, as nopCommerce runs it: inside the runtask request, the task built from its scope</summary>
    public async Task RunPollTaskAsync()
    {
        using var scope = Plugin.CreateScope();
        var task = ActivatorUtilities.CreateInstance<TamaraPendingSessionsTask>(scope.ServiceProvider);
        await new ScheduleTaskRequest(scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>(), scope.ServiceProvider, task).ExecuteAsync();
    }

    /// <summary>One reconciliation run, as the scheduled task or the operations page's button starts it</summary>
    public async Task<TamaraReconciliationReport> ReconcileAsync()
    {
        using var scope = Plugin.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ITamaraReconciliationService>().RunAsync();
    }

    public async Task<TamaraSyncResult> SyncAsync(string tamaraOrderId, TamaraSyncTrigger trigger = TamaraSyncTrigger.Staff)
    {
        using var scope = Plugin.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TamaraOrderSyncService>().SyncAsync(tamaraOrderId, trigger);
    }

    public async Task<TamaraVoidResult> VoidAsync(int orderId)
    {
        using var scope = Plugin.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TamaraOrderSyncService>().VoidSessionAsync(SessionOf(orderId), "Customer changed their mind");
    }

    /// <summary>
    /// The order page's Refund button (the whole total of an order not refunded yet) or Partial refund popup (anything
    /// else), as nopCommerce runs them: refused unless allowed, then the plugin refunds and the core books the answer
    /// </summary>
    public async Task<RefundPaymentResult> RefundAsync(int orderId, decimal amount)
    {
        var order = Order(orderId);
        var isPartialRefund = !(order.RefundedAmount == decimal.Zero && amount == order.OrderTotal);
        using var scope = Plugin.CreateScope();
        var refunds = scope.ServiceProvider.GetRequiredService<TamaraRefundService>();
        return await Orders.RefundFromAdminAsync(orderId, amount, isPartialRefund, refunds.RefundAsync);
    }

    /// <summary>Runs the scheduled task until <paramref name="condition"/> holds, or gives up after <paramref name="timeout"/></summary>
    public async Task<bool> PollUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await RunPollTaskAsync();
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>
    /// The order is paid and the plugin has finished with it: nopCommerce's order-paid work (event consumers, e-mails) runs
    /// between the order turning paid and the session being saved as paid
    /// </summary>
    public bool IsPaid(int orderId) => Order(orderId).PaymentStatus == PaymentStatus.Paid
        && Sessions.Rows.Any(session => session.OrderId == orderId && session.State == TamaraSessionState.Paid);
}
