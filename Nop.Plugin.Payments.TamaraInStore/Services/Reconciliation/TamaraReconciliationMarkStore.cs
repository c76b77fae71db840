using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;

/// <summary>
/// Keeps, per session, what the reconciliation last saw (<see cref="TamaraReconciliationMark"/>), in the plugin's own table
/// </summary>
public class TamaraReconciliationMarkStore
{
    private readonly IRepository<TamaraReconciliationMark> _markRepository;

    public TamaraReconciliationMarkStore(IRepository<TamaraReconciliationMark> markRepository)
    {
        _markRepository = markRepository;
    }

    /// <summary>The marks of the sessions from this id on (session ids grow with their creation), by session id</summary>
    public virtual async Task<Dictionary<int, TamaraReconciliationMark>> GetFromSessionIdAsync(int firstSessionId)
    {
        var marks = await _markRepository.Table
            .Where(mark => mark.SessionId >= firstSessionId)
            .ToListAsync();

        return marks.GroupBy(mark => mark.SessionId).ToDictionary(group => group.Key, group => group.First());
    }

    /// <summary>Saves the marks a run changed or added, in two statements</summary>
    public virtual async Task SaveAsync(IReadOnlyCollection<TamaraReconciliationMark> marks)
    {
        var changed = marks.Where(mark => mark.Id > 0).ToList();
        var added = marks.Where(mark => mark.Id == 0).ToList();
        if (changed.Count > 0)
            await _markRepository.UpdateAsync(changed, false);
        if (added.Count > 0)
            await _markRepository.InsertAsync(added, false);
    }

    /// <summary>Forgets the marks of sessions older than the window</summary>
    public virtual Task ForgetBeforeSessionIdAsync(int firstSessionId) =>
        _markRepository.DeleteAsync(mark => mark.SessionId < firstSessionId);
}
