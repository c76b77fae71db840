using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// The right to mark one session's order as paid, created with the session. Marking the order paid first deletes this
/// row; the database tells exactly one server of a web farm that it deleted it, whatever the cache-based locks let through.
/// </summary>
public class TamaraPaymentClaim : BaseEntity
{
    public int SessionId { get; set; }
}
