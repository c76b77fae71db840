using Nop.Core.Domain.Customers;

namespace Nop.Services.Security;

public partial interface IPermissionService
{
    Task<bool> AuthorizeAsync(string permissionRecordSystemName);

    Task<bool> AuthorizeAsync(string permissionRecordSystemName, Customer customer);

    Task<bool> AuthorizeAsync(string permissionRecordSystemName, int customerRoleId);

    Task InsertPermissionsAsync();

    Task InsertPermissionMappingAsync(int customerRoleId, params string[] permissions);
}
