using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Reads and writes the plugin's own records: Tamara sessions and refunds
/// </summary>
public class TamaraSessionService
{
    private readonly IRepository<TamaraPaymentClaim> _claimRepository;
    private readonly IRepository<TamaraPhoneLinkSlot> _phoneLinkSlotRepository;
    private readonly IRepository<TamaraRefundClaim> _refundClaimRepository;
    private readonly IRepository<TamaraRefund> _refundRepository;
    private readonly IRepository<TamaraSession> _sessionRepository;

    /// <param name="claimRepository">Without it (a test composition) every payment claim is granted</param>
    /// <param name="refundClaimRepository">Without it (a test composition) every refund claim is granted</param>
    /// <param name="phoneLinkSlotRepository">Without it (a test composition) every payment link slot is granted</param>
    public TamaraSessionService(IRepository<TamaraRefund> refundRepository,
        IRepository<TamaraSession> sessionRepository,
        IRepository<TamaraPaymentClaim> claimRepository = null,
        IRepository<TamaraRefundClaim> refundClaimRepository = null,
        IRepository<TamaraPhoneLinkSlot> phoneLinkSlotRepository = null)
    {
        _claimRepository = claimRepository;
        _phoneLinkSlotRepository = phoneLinkSlotRepository;
        _refundClaimRepository = refundClaimRepository;
        _refundRepository = refundRepository;
        _sessionRepository = sessionRepository;
    }

    #region Sessions

    public virtual Task<TamaraSession> GetSessionByIdAsync(int id) => _sessionRepository.GetByIdAsync(id);

    public virtual async Task<TamaraSession> GetSessionByTamaraOrderIdAsync(string tamaraOrderId)
    {
        if (string.IsNullOrEmpty(tamaraOrderId))
            return null;

        return await _sessionRepository.Table
            .Where(session => session.TamaraOrderId == tamaraOrderId)
            .OrderByDescending(session => session.Id)
            .FirstOrDefaultAsync();
    }

    /// <summary>
    /// The newest session created for a checkout; nopCommerce reuses the order GUID when a checkout is retried
    /// </summary>
    public virtual async Task<TamaraSession> GetLatestSessionByOrderGuidAsync(Guid orderGuid)
    {
        return await _sessionRepository.Table
            .Where(session => session.OrderGuid == orderGuid)
            .OrderByDescending(session => session.Id)
            .FirstOrDefaultAsync();
    }

    /// <summary>
    /// Every session created for a checkout, oldest first (retries and replacement links included)
    /// </summary>
    public virtual async Task<IList<TamaraSession>> GetSessionsByOrderGuidAsync(Guid orderGuid)
    {
        return await _sessionRepository.Table
            .Where(session => session.OrderGuid == orderGuid)
            .OrderBy(session => session.Id)
            .ToListAsync();
    }

    /// <summary>
    /// The newest session of a placed order (a staff member may have sent a new link)
    /// </summary>
    public virtual async Task<TamaraSession> GetLatestSessionByOrderIdAsync(int orderId)
    {
        if (orderId == 0)
            return null;

        // a link Tamara refused never replaced the one before it
        var notCreated = (int)TamaraSessionState.NotCreated;
        return await _sessionRepository.Table
            .Where(session => session.OrderId == orderId && session.StateId != notCreated)
            .OrderByDescending(session => session.Id)
            .FirstOrDefaultAsync();
    }

    public virtual async Task<IList<TamaraSession>> GetSessionsByOrderIdAsync(int orderId)
    {
        return await _sessionRepository.Table
            .Where(session => session.OrderId == orderId)
            .OrderBy(session => session.Id)
            .ToListAsync();
    }

    /// <summary>Every session of every store, oldest first (uninstall writes them all to their orders)</summary>
    public virtual async Task<IList<TamaraSession>> GetAllSessionsAsync()
    {
        return await _sessionRepository.Table
            .OrderBy(session => session.Id)
            .ToListAsync();
    }

    /// <summary>
    /// Sessions the poller should ask Tamara about now: pending ones, ones closed here that are still watched for a late
    /// payment (they carry a next check), and ones whose create answer was lost (found by their reference). One query,
    /// whatever the number of stores.
    /// </summary>
    public virtual async Task<IList<TamaraSession>> GetDueSessionsAsync(DateTime dueBeforeUtc, int maxCount)
    {
        var pending = (int)TamaraSessionState.Pending;
        var creating = (int)TamaraSessionState.Creating;
        // each state a seek on the (StateId, NextCheckOnUtc) index
        var closed = new[]
        {
            (int)TamaraSessionState.Declined, (int)TamaraSessionState.Expired,
            (int)TamaraSessionState.Canceled, (int)TamaraSessionState.NeedsAttention
        };

        return await _sessionRepository.Table
            .Where(session => session.TamaraOrderId != null
                && (session.StateId == pending && (session.NextCheckOnUtc == null || session.NextCheckOnUtc <= dueBeforeUtc)
                    || closed.Contains(session.StateId) && session.NextCheckOnUtc <= dueBeforeUtc)
                || session.StateId == creating && session.NextCheckOnUtc <= dueBeforeUtc)
            .OrderBy(session => session.NextCheckOnUtc)
            .ThenBy(session => session.Id)
            .Take(maxCount)
            .ToListAsync();
    }

    /// <summary>The newest session sent to Tamara with this merchant reference (order_reference_id)</summary>
    public virtual async Task<TamaraSession> GetSessionByOrderReferenceIdAsync(string orderReferenceId)
    {
        if (string.IsNullOrEmpty(orderReferenceId))
            return null;

        return await _sessionRepository.Table
            .Where(session => session.OrderReferenceId == orderReferenceId)
            .OrderByDescending(session => session.Id)
            .FirstOrDefaultAsync();
    }

    /// <summary>Sessions of every store created since a moment that reached Tamara, oldest first (the reconciliation's window)</summary>
    public virtual async Task<IList<TamaraSession>> GetSessionsCreatedSinceAsync(DateTime sinceUtc)
    {
        return await _sessionRepository.Table
            .Where(session => session.CreatedOnUtc >= sinceUtc && session.TamaraOrderId != null)
            .OrderBy(session => session.Id)
            .ToListAsync();
    }

    /// <summary>
    /// How many sessions were created for a phone number since a moment, in every store (IX_TamaraSession_PhoneNumber_CreatedOnUtc)
    /// </summary>
    public virtual async Task<int> CountSessionsForPhoneSinceAsync(string phoneNumber, DateTime sinceUtc)
    {
        if (string.IsNullOrEmpty(phoneNumber))
            return 0;

        // a session Tamara refused texted nobody
        var notCreated = (int)TamaraSessionState.NotCreated;
        return await _sessionRepository.Table
            .CountAsync(session => session.PhoneNumber == phoneNumber && session.CreatedOnUtc >= sinceUtc && session.StateId != notCreated);
    }

    /// <summary>The newest sessions sent to a phone number that belong to a placed order (the counter's returns)</summary>
    public virtual async Task<IList<TamaraSession>> GetPlacedSessionsForPhoneAsync(string phoneNumber, int maxCount)
    {
        if (string.IsNullOrEmpty(phoneNumber))
            return [];

        return await _sessionRepository.Table
            .Where(session => session.PhoneNumber == phoneNumber && session.OrderId > 0)
            .OrderByDescending(session => session.Id)
            .Take(maxCount)
            .ToListAsync();
    }

    /// <summary>
    /// Live sessions of a customer's checkouts at a store that never got an order linked, and ones whose create answer was
    /// lost: a retry of the same cart (nopCommerce may have given it a new order GUID) must void them before a new link is sent
    /// </summary>
    public virtual async Task<IList<TamaraSession>> GetUnplacedPendingSessionsAsync(int customerId, int storeId)
    {
        var pending = (int)TamaraSessionState.Pending;
        var creating = (int)TamaraSessionState.Creating;

        return await _sessionRepository.Table
            .Where(session => session.CustomerId == customerId && session.StoreId == storeId && session.OrderId == 0
                && (session.StateId == pending && session.TamaraOrderId != null || session.StateId == creating))
            .OrderBy(session => session.Id)
            .ToListAsync();
    }

    public virtual Task InsertSessionAsync(TamaraSession session) => _sessionRepository.InsertAsync(session, false);

    public virtual Task UpdateSessionAsync(TamaraSession session) => _sessionRepository.UpdateAsync(session, false);

    #endregion

    #region Payment claims

    /// <summary>
    /// Takes the one right to mark the order as paid for <paramref name="sessionId"/>. The unique index on the order decides
    /// it: true for exactly one session, on whichever server it runs.
    /// </summary>
    public virtual async Task<bool> TryClaimPaymentAsync(int orderId, int sessionId, DateTime utcNow)
    {
        if (_claimRepository is null)
            return true;

        try
        {
            await _claimRepository.InsertAsync(new TamaraPaymentClaim { OrderId = orderId, SessionId = sessionId, CreatedOnUtc = utcNow }, false);
            return true;
        }
        catch (Exception)
        {
            // each database names its unique violation differently; the claim being there says it for all of them
            if (await GetPaymentClaimAsync(orderId) is not null)
                return false;

            throw;
        }
    }

    /// <summary>Who marked the order as paid with a Tamara payment; null while nobody did (or without a claim table)</summary>
    public virtual async Task<TamaraPaymentClaim> GetPaymentClaimAsync(int orderId)
    {
        if (_claimRepository is null)
            return null;

        return await _claimRepository.Table.FirstOrDefaultAsync(claim => claim.OrderId == orderId);
    }

    /// <summary>Gives the right back when marking the order paid failed, so a later check can try again</summary>
    public virtual async Task ReleasePaymentClaimAsync(int orderId, int sessionId)
    {
        if (_claimRepository is not null)
            await _claimRepository.DeleteAsync(claim => claim.OrderId == orderId && claim.SessionId == sessionId);
    }

    #endregion

    #region Refunds

    public virtual async Task<IList<TamaraRefund>> GetRefundsByOrderIdAsync(int orderId)
    {
        return await _refundRepository.Table
            .Where(refund => refund.OrderId == orderId)
            .OrderBy(refund => refund.Id)
            .ToListAsync();
    }

    public virtual Task InsertRefundAsync(TamaraRefund refund)
    {
        // no id is NULL, which the unique index on the Tamara refund id lets many rows have
        refund.RefundId = string.IsNullOrEmpty(refund.RefundId) ? null : refund.RefundId;
        return _refundRepository.InsertAsync(refund, false);
    }

    public virtual Task UpdateRefundAsync(TamaraRefund refund)
    {
        refund.RefundId = string.IsNullOrEmpty(refund.RefundId) ? null : refund.RefundId;
        return _refundRepository.UpdateAsync(refund, false);
    }

    /// <summary>
    /// Records a refund made at Tamara, before it is counted anywhere. The unique index on the Tamara refund id decides
    /// between two servers recording the same refund: false when the other one has booked it.
    /// </summary>
    public virtual async Task<bool> TryInsertRefundAsync(TamaraRefund refund)
    {
        try
        {
            await InsertRefundAsync(refund);
            return true;
        }
        catch (Exception)
        {
            // each database names its unique violation differently; the row being there says it for all of them
            var refundId = refund.RefundId;
            if (refundId is not null && await _refundRepository.Table.AnyAsync(row => row.RefundId == refundId))
                return false;

            throw;
        }
    }

    /// <summary>
    /// Saves a refund confirmed from Tamara's view (a refund whose answer was lost) only once across a web farm: the
    /// confirmation takes the refund's own claim (basis minus its id, a value no page posts) through the same unique
    /// index as the clicks. False when the other server confirmed it; the row is then left as that server saved it.
    /// </summary>
    public virtual async Task<bool> TryConfirmRefundAsync(TamaraRefund refund, DateTime utcNow)
    {
        if (!await TryClaimRefundAsync(refund.SessionId, -refund.Id, utcNow))
            return false;

        await UpdateRefundAsync(refund);
        return true;
    }

    #endregion

    #region Payment link slots

    /// <summary>
    /// Takes one of the <paramref name="maxLinks"/> payment links the phone number may receive in the window: a slot with no
    /// row, or whose row is older than <paramref name="sinceUtc"/>. The unique index on the number and slot gives each slot
    /// to one caller only, on whichever server. Null when every slot is taken.
    /// </summary>
    public virtual async Task<TamaraPhoneLinkSlot> TryReservePhoneLinkSlotAsync(string phoneNumber, int maxLinks, DateTime sinceUtc, DateTime utcNow)
    {
        if (_phoneLinkSlotRepository is null || string.IsNullOrEmpty(phoneNumber))
            return new TamaraPhoneLinkSlot { PhoneNumber = phoneNumber, CreatedOnUtc = utcNow };

        for (var slot = 0; slot < maxLinks; slot++)
        {
            var number = slot;
            await _phoneLinkSlotRepository.DeleteAsync(row => row.PhoneNumber == phoneNumber && row.Slot == number && row.CreatedOnUtc < sinceUtc);

            var reserved = new TamaraPhoneLinkSlot { PhoneNumber = phoneNumber, Slot = number, CreatedOnUtc = utcNow };
            try
            {
                await _phoneLinkSlotRepository.InsertAsync(reserved, false);
                return reserved;
            }
            catch (Exception)
            {
                // each database names its unique violation differently; the slot being taken says it for all of them
                if (!await _phoneLinkSlotRepository.Table.AnyAsync(row => row.PhoneNumber == phoneNumber && row.Slot == number))
                    throw;
            }
        }

        return null;
    }

    /// <summary>Gives a slot back when no link was sent with it</summary>
    public virtual async Task ReleasePhoneLinkSlotAsync(TamaraPhoneLinkSlot slot)
    {
        if (_phoneLinkSlotRepository is not null && slot?.Id > 0)
            await _phoneLinkSlotRepository.DeleteAsync(row => row.Id == slot.Id);
    }

    #endregion

    #region Refund claims

    /// <summary>
    /// Takes the one right to refund the session from the page state <paramref name="basis"/>. The database's unique index
    /// decides it: true for exactly one caller, on whichever server it runs.
    /// </summary>
    public virtual async Task<bool> TryClaimRefundAsync(int sessionId, int basis, DateTime utcNow)
    {
        if (_refundClaimRepository is null)
            return true;

        try
        {
            await _refundClaimRepository.InsertAsync(new TamaraRefundClaim { SessionId = sessionId, Basis = basis, CreatedOnUtc = utcNow }, false);
            return true;
        }
        catch (Exception)
        {
            // each database names its unique violation differently; the claim being there says it for all of them
            if (await _refundClaimRepository.Table.AnyAsync(claim => claim.SessionId == sessionId && claim.Basis == basis))
                return false;

            throw;
        }
    }

    /// <summary>Gives the right back when nothing reached Tamara, so the same page can try again</summary>
    public virtual async Task ReleaseRefundClaimAsync(int sessionId, int basis)
    {
        if (_refundClaimRepository is not null)
            await _refundClaimRepository.DeleteAsync(claim => claim.SessionId == sessionId && claim.Basis == basis);
    }

    #endregion
}
