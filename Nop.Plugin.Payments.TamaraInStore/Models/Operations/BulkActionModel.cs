using Nop.Plugin.Payments.TamaraInStore.Services.Staff;

namespace Nop.Plugin.Payments.TamaraInStore.Models.Operations;

/// <summary>A staff action on the selected orders (or one row's order)</summary>
public record BulkActionModel
{
    /// <summary>A <see cref="TamaraOrderAction"/> name</summary>
    public string Action { get; init; }

    /// <summary>Order ids separated by commas, as the grid's selection posts them</summary>
    public string SelectedIds { get; init; }
}
