using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Payments.TamaraInStore.Services.Reconciliation;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

/// <summary>
/// The operations page: its search panel, and what is shown above the grid
/// </summary>
public record OperationsSearchModel : BaseSearchModel
{
    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Operations.Search.Store")]
    public int StoreId { get; set; }

    /// <summary>A <see cref="Services.Operations.TamaraOperationsState"/> value; 0 for every state</summary>
    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Operations.Search.State")]
    public int StateId { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Operations.Search.CreatedFrom")]
    [UIHint("DateNullable")]
    public DateTime? CreatedFrom { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Operations.Search.CreatedTo")]
    [UIHint("DateNullable")]
    public DateTime? CreatedTo { get; set; }

    [NopResourceDisplayName("Plugins.Payments.TamaraInStore.Operations.Search.Text")]
    public string SearchText { get; set; }

    public IList<SelectListItem> AvailableStores { get; set; } = new List<SelectListItem>();

    public IList<SelectListItem> AvailableStates { get; set; } = new List<SelectListItem>();

    public bool ShowStoreColumn { get; set; }

    public int NeedsAttentionCount { get; set; }

    /// <summary>Per store: the last webhook, the last poll and the warnings</summary>
    public IList<OperationsHealthModel> Health { get; set; } = new List<OperationsHealthModel>();

    public IList<OperationsFiguresModel> Today { get; set; } = new List<OperationsFiguresModel>();

    public IList<OperationsFiguresModel> ThisWeek { get; set; } = new List<OperationsFiguresModel>();

    /// <summary>The last reconciliation run; null when it never ran</summary>
    public TamaraReconciliationReport LastReconciliation { get; set; }

    public IList<ReconciliationFindingModel> Findings { get; set; } = new List<ReconciliationFindingModel>();
}
