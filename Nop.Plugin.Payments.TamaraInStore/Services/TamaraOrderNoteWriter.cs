using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services;

/// <summary>
/// Writes every order note of the plugin, staff-only, and records it as the plugin's (<see cref="TamaraOrderNote"/>), so
/// the order card finds it in any language. No other code inserts order notes.
/// </summary>
public class TamaraOrderNoteWriter
{
    private readonly IOrderService _orderService;
    private readonly IRepository<TamaraOrderNote> _noteRepository;
    private readonly TimeProvider _timeProvider;

    public TamaraOrderNoteWriter(IOrderService orderService, IRepository<TamaraOrderNote> noteRepository, TimeProvider timeProvider)
    {
        _orderService = orderService;
        _noteRepository = noteRepository;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    public virtual Task AddAsync(Order order, string text) => AddAsync(order.Id, text);

    public virtual async Task AddAsync(int orderId, string text)
    {
        var note = new OrderNote
        {
            OrderId = orderId,
            Note = text,
            DisplayToCustomer = false,
            CreatedOnUtc = _timeProvider.GetUtcNow().UtcDateTime
        };
        await _orderService.InsertOrderNoteAsync(note);
        await _noteRepository.InsertAsync(new TamaraOrderNote { OrderId = orderId, OrderNoteId = note.Id }, false);
    }

    /// <summary>The notes of the order the plugin wrote, oldest first</summary>
    public virtual async Task<IList<OrderNote>> GetNotesAsync(int orderId)
    {
        var ours = (await _noteRepository.Table.Where(mark => mark.OrderId == orderId).Select(mark => mark.OrderNoteId).ToListAsync()).ToHashSet();
        return (await _orderService.GetOrderNotesByOrderIdAsync(orderId))
            .Where(note => ours.Contains(note.Id) || IsEarlierVersionNote(note))
            .OrderBy(note => note.CreatedOnUtc).ThenBy(note => note.Id)
            .ToList();
    }

    /// <summary>
    /// Versions before 1.04 did not record their notes; their English notes began with "Tamara", and only by that can
    /// they still be told apart
    /// </summary>
    private static bool IsEarlierVersionNote(OrderNote note) => note.Note?.StartsWith("Tamara", StringComparison.Ordinal) == true;
}
