using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Staff;

/// <summary>
/// The one answer to "is this our order", "may this person see or act" and "which actions are allowed now", asked by
/// the order card, the operations grid, both admin controllers, the view components and the action service
/// </summary>
public class TamaraStaffPolicy
{
    private readonly IPermissionService _permissionService;
    private readonly IWorkContext _workContext;

    public TamaraStaffPolicy(IPermissionService permissionService, IWorkContext workContext)
    {
        _permissionService = permissionService;
        _workContext = workContext;
    }

    /// <summary>The order was paid, or is to be paid, with Tamara in-store</summary>
    public static bool IsTamaraOrder(Order order) => TamaraOrders.IsTamara(order);

    /// <summary>
    /// Staff with the right to view orders. Never vendors: nopCommerce's order page hides an order's payment details and
    /// notes from a vendor, and a vendor may open any order that holds one of their products, whoever else sold in it
    /// </summary>
    public virtual async Task<bool> MaySeeAsync() =>
        !await IsVendorAsync() && await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_VIEW);

    /// <summary>Staff with the right to edit orders, never vendors</summary>
    public virtual async Task<bool> MayActAsync() =>
        !await IsVendorAsync() && await _permissionService.AuthorizeAsync(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE);

    /// <summary>The actions that make sense in <paramref name="situation"/>, in the order the card and the grid show them</summary>
    public static IReadOnlyList<TamaraOrderAction> AllowedActions(TamaraStaffSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);

        var actions = new List<TamaraOrderAction>();
        if (situation.HasTamaraOrder)
            actions.Add(TamaraOrderAction.CheckNow);

        if (situation.SessionState == TamaraSessionState.Pending)
            actions.Add(TamaraOrderAction.Void);

        // a new link only while nothing of Tamara's is kept: Tamara holds no money of a pending, closed or refunded link
        if (situation.OrderOpen && situation.SessionState is TamaraSessionState.Pending or TamaraSessionState.Declined
                or TamaraSessionState.Expired or TamaraSessionState.Canceled or TamaraSessionState.Refunded)
            actions.Add(TamaraOrderAction.SendNewLink);

        if (situation.SessionState == TamaraSessionState.NeedsAttention)
        {
            if (situation.OrderOpen)
                actions.Add(TamaraOrderAction.AcceptCapture);
            actions.Add(TamaraOrderAction.RefundCapture);
        }

        if (situation.DoublePaid)
            actions.Add(TamaraOrderAction.RefundDoublePayment);

        return actions;
    }

    public static bool Allows(TamaraOrderAction action, TamaraStaffSituation situation) => AllowedActions(situation).Contains(action);

    private async Task<bool> IsVendorAsync() => await _workContext.GetCurrentVendorAsync() is not null;
}
