using Nop.Core;

namespace Nop.Plugin.Payments.TamaraInStore.Domain;

/// <summary>
/// The one right to mark a nopCommerce order as paid with a Tamara payment: a row per order, inserted by the session whose
/// capture marks the order paid. A unique index on <see cref="OrderId"/> lets the database tell exactly one session on one
/// server of a web farm that it won, whatever the cache-based locks let through; every other capture of that order is a
/// double payment.
/// </summary>
public class TamaraPaymentClaim : BaseEntity
{
    public int OrderId { get; set; }

    /// <summary>The session whose capture paid the order</summary>
    public int SessionId { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
