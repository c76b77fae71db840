using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Disputes;
using Nop.Plugin.Payments.TamaraInStore.Services.Webhooks;
using Nop.Plugin.Payments.TamaraInStore.Services.Health;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Payments.TamaraInStore.Infrastructure;

public class NopStartup : INopStartup
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<ITamaraClient, TamaraClient>().WithProxy();
        services.AddSingleton<ITamaraNotificationTokenValidator, TamaraNotificationTokenValidator>();
        services.AddScoped<TamaraSessionService>();
        services.AddScoped<TamaraCheckoutService>();
        services.AddSingleton<TamaraPhoneNumberService>();
        services.AddSingleton<TamaraSessionRequestBuilder>();
        services.AddSingleton<QrCodeService>();
        services.AddScoped<TamaraTillDevice>();
        services.AddScoped<TamaraOrderLineReader>();
        services.AddScoped<TamaraPaymentTypesService>();
        services.AddScoped<TamaraSessionCreator>();
        services.AddScoped<TamaraSessionStatusService>();
        services.AddScoped<TamaraOrderNoteWriter>();
        services.AddScoped<TamaraOrderSyncService>();
        services.AddScoped<TamaraDisputeService>();
        services.AddScoped<TamaraWebhookRegistrar>();
        services.AddSingleton<TamaraHealthMemory>();
        services.AddScoped<TamaraHealthService>();
        services.AddScoped<TamaraUnknownOrderService>();
        services.AddScoped<TamaraOrderPayment>();
        services.AddSingleton<TamaraTokenBackoff>();
        services.AddScoped<TamaraRefundService>();
        services.AddScoped<TamaraDoublePaymentRefund>();
        services.AddScoped<TamaraNeedsAttentionService>();
        services.AddScoped<TamaraUninstallService>();
        services.AddScoped<TamaraOrderBlockModelFactory>();
        services.AddScoped<TamaraStaffPolicy>();
        services.AddScoped<TamaraStaffAnswers>();
        services.AddScoped<TamaraNewLinkService>();
        services.AddScoped<TamaraOrderActionService>();
        services.AddScoped<TamaraOperationsQuery>();
        services.AddScoped<TamaraOperationsFigures>();
        services.AddScoped<TamaraOperationsModelFactory>();
        services.AddScoped<TamaraReconciliationMarkStore>();
        services.AddScoped<TamaraReconciliationReportStore>();
        services.AddScoped<TamaraSessionReconciler>();
        services.AddScoped<ITamaraReconciliationService, TamaraReconciliationService>();
        services.AddScoped<TamaraCounterProductLookup>();
        services.AddScoped<TamaraCounterCartService>();
        services.AddScoped<TamaraCounterCustomerService>();
        services.AddScoped<TamaraCounterPreCheck>();
        services.AddScoped<TamaraCounterSaleService>();
        services.AddScoped<TamaraCounterReturns>();
    }

    /// <remarks>
    /// Runs after nopCommerce's error handlers (order 0) and before everything that may log during a request (static
    /// files 99, common 100, routing 400, MVC 1000): a webhook's token is out of the query string by then
    /// </remarks>
    public void Configure(IApplicationBuilder application)
    {
        application.UseMiddleware<WebhookTokenMiddleware>();
    }

    public int Order => 1;
}
