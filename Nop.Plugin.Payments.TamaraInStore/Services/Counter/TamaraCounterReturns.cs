using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Services.Counter;

/// <summary>
/// The counter's returns tab: a Tamara sale found by the customer's mobile number, its order number (typed, or scanned
/// from the slip's code), its order id or its Tamara order id. Refunds then go through nopCommerce's order page as for any
/// Tamara order.
/// </summary>
public class TamaraCounterReturns
{
    public const int MaxResults = 20;

    private readonly IOrderService _orderService;
    private readonly TamaraPhoneNumberService _phoneNumberService;
    private readonly TamaraSessionService _sessionService;

    public TamaraCounterReturns(IOrderService orderService, TamaraPhoneNumberService phoneNumberService, TamaraSessionService sessionService)
    {
        _orderService = orderService;
        _phoneNumberService = phoneNumberService;
        _sessionService = sessionService;
    }

    public virtual async Task<IList<TamaraCounterReturnRow>> FindAsync(string query, string countryCode)
    {
        query = query?.Trim();
        if (string.IsNullOrEmpty(query) || query.Length > 100)
            return [];

        var sessions = new List<TamaraSession>();
        if (_phoneNumberService.Normalize(query, countryCode) is { } phone)
            sessions.AddRange(await _sessionService.GetPlacedSessionsForPhoneAsync(phone, MaxResults));

        var order = await _orderService.GetOrderByCustomOrderNumberAsync(query)
            ?? (int.TryParse(query, out var orderId) && orderId > 0 ? await _orderService.GetOrderByIdAsync(orderId) : null);
        if (order is not null && await _sessionService.GetLatestSessionByOrderIdAsync(order.Id) is { } ofOrder)
            sessions.Add(ofOrder);

        if (await _sessionService.GetSessionByTamaraOrderIdAsync(query) is { OrderId: > 0 } byTamaraId)
            sessions.Add(byTamaraId);

        var rows = new List<TamaraCounterReturnRow>();
        foreach (var session in sessions.DistinctBy(session => session.OrderId).Take(MaxResults))
        {
            var placed = order?.Id == session.OrderId ? order : await _orderService.GetOrderByIdAsync(session.OrderId);
            if (placed is null || placed.Deleted || !TamaraOrders.IsTamara(placed))
                continue;

            rows.Add(new TamaraCounterReturnRow(placed.Id, placed.CustomOrderNumber, placed.CreatedOnUtc, TamaraMoneyRounding.Format(session.Amount, session.CurrencyCode),
                session.State.ToString(), SensitiveDataMasker.MaskPhone(session.PhoneNumber), session.TamaraOrderId, placed.PaymentStatus.ToString()));
        }

        return rows;
    }
}

public sealed record TamaraCounterReturnRow(int OrderId, string CustomOrderNumber, DateTime CreatedOnUtc, string Amount, string State,
    string MaskedPhone, string TamaraOrderId, string PaymentStatus);
