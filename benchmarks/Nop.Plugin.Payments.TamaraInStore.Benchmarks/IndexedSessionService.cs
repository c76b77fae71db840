using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>
/// Finds a session by Tamara order id through an index, as the database does with the plugin's
/// IX_TamaraSession_TamaraOrderId, instead of the in-memory repository's LINQ query (which compiles an expression tree
/// on every call and would make the throughput a figure of the test fake)
/// </summary>
public sealed class IndexedSessionService : TamaraSessionService
{
    private readonly ConcurrentDictionary<string, int> _index;

    public IndexedSessionService(IRepository<TamaraRefund> refundRepository, IRepository<TamaraSession> sessionRepository,
        IRepository<TamaraPaymentClaim> claimRepository, ConcurrentDictionary<string, int> index)
        : base(refundRepository, sessionRepository, claimRepository)
    {
        _index = index;
    }

    public override async Task<TamaraSession> GetSessionByTamaraOrderIdAsync(string tamaraOrderId)
    {
        if (!string.IsNullOrEmpty(tamaraOrderId) && _index.TryGetValue(tamaraOrderId, out var id))
            return await GetSessionByIdAsync(id);

        var session = await base.GetSessionByTamaraOrderIdAsync(tamaraOrderId);
        if (session is not null)
            _index[tamaraOrderId] = session.Id;
        return session;
    }

    public static void Register(IServiceCollection services)
    {
        var index = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        services.AddScoped<TamaraSessionService>(provider => new IndexedSessionService(
            provider.GetRequiredService<IRepository<TamaraRefund>>(), provider.GetRequiredService<IRepository<TamaraSession>>(),
            provider.GetRequiredService<IRepository<TamaraPaymentClaim>>(), index));
    }
}
