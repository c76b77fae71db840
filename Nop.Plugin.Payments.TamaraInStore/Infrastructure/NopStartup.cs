using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Staff;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
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
        services.AddScoped<TamaraOrderSyncService>();
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
        services.AddScoped<TamaraReconciliationReportStore>();
        services.AddScoped<TamaraSessionReconciler>();
        services.AddScoped<ITamaraReconciliationService, TamaraReconciliationService>();
    }

    public void Configure(IApplicationBuilder application)
    {
    }

    public int Order => 1;
}
