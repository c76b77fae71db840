using Nop.Core.Domain.Customers;
using Nop.Services.Customers;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// "Sell with Tamara at the counter": nopCommerce installs the permissions its IPermissionConfigManager classes declare
/// (IPermissionService.InsertPermissionsAsync, also at every start), granting each to the roles named, which it creates when
/// missing. Administrators and "Tamara counter staff" get it, never vendors.
/// </summary>
public class TamaraCounterPermission : IPermissionConfigManager
{
    public const string SellAtCounter = "Payments.TamaraInStore.SellAtCounter";
    public const string StaffRoleSystemName = "TamaraCounterStaff";
    public const string StaffRoleName = "Tamara counter staff";

    public IList<PermissionConfig> AllConfigs =>
    [
        new PermissionConfig("Sell with Tamara at the counter", SellAtCounter, nameof(StandardPermission.Orders),
            NopCustomerDefaults.AdministratorsRoleName, StaffRoleSystemName)
    ];

    /// <summary>
    /// On install and update: the permission, the role with its readable name, and the role's access to the admin area
    /// (nopCommerce's [AuthorizeAdmin] needs it) and nothing else
    /// </summary>
    public static async Task InstallAsync(IPermissionService permissionService, ICustomerService customerService)
    {
        await permissionService.InsertPermissionsAsync();

        var role = await customerService.GetCustomerRoleBySystemNameAsync(StaffRoleSystemName);
        if (role is null)
            return;

        if (role.Name == StaffRoleSystemName)
        {
            role.Name = StaffRoleName;
            await customerService.UpdateCustomerRoleAsync(role);
        }

        if (!await permissionService.AuthorizeAsync(StandardPermission.Security.ACCESS_ADMIN_PANEL, role.Id))
            await permissionService.InsertPermissionMappingAsync(role.Id, StandardPermission.Security.ACCESS_ADMIN_PANEL);
    }

}
