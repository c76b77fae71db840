using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

public record OperationsListModel : BasePagedListModel<OperationsRowModel>;
