using Nop.Core;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IOrderService
{
    Task<Order> GetOrderByIdAsync(int orderId);

    Task<Order> GetOrderByCustomOrderNumberAsync(string customOrderNumber);

    Task<IList<Order>> GetOrdersByIdsAsync(int[] orderIds);

    Task<Order> GetOrderByGuidAsync(Guid orderGuid);

    Task<IPagedList<Order>> SearchOrdersAsync(int storeId = 0, int vendorId = 0, int customerId = 0, int productId = 0, int affiliateId = 0, int warehouseId = 0, int billingCountryId = 0, string paymentMethodSystemName = null, DateTime? createdFromUtc = null, DateTime? createdToUtc = null, List<int> osIds = null, List<int> psIds = null, List<int> ssIds = null, string billingPhone = null, string billingEmail = null, string billingLastName = "", string orderNotes = null, int pageIndex = 0, int pageSize = int.MaxValue, bool getOnlyTotalCount = false);

    Task UpdateOrderAsync(Order order);

    Task<Product> GetProductByOrderItemIdAsync(int orderItemId);

    Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0);

    Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null);

    Task InsertOrderNoteAsync(OrderNote orderNote);
}
