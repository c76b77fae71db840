using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Refunds;

/// <summary>
/// One paid Tamara order and everything around it: the plugin's tables in memory, Tamara as an order book behind a
/// mocked client, and nopCommerce's refund bookkeeping as the core does it (online buttons and offline refunds)
/// </summary>
public class RefundTestContext
{
    public const string TamaraOrderId = "tamara-order-1";

    private static readonly IDictionary<string, string> _english = TamaraInStoreLocaleResources.English();

    public RefundTestContext(decimal orderTotal, string currency = "SAR", decimal currencyRate = 1m,
        decimal? tamaraCaptured = null, string primaryCurrency = null)
    {
        Order = new Order
        {
            Id = 7,
            CustomOrderNumber = "A-1007",
            StoreId = 1,
            OrderTotal = orderTotal,
            CustomerCurrencyCode = currency,
            CurrencyRate = currencyRate,
            PaymentStatus = PaymentStatus.Paid,
            OrderStatus = OrderStatus.Processing
        };

        var captured = tamaraCaptured ?? TamaraMoneyRounding.Round(orderTotal * currencyRate, currency);
        Tamara = new TamaraOrderBook(TamaraOrderId, captured, currency);

        SessionService = new TamaraSessionService(Refunds, Sessions, refundClaimRepository: RefundClaims);
        Sessions.Insert(new TamaraSession
        {
            OrderId = Order.Id,
            TamaraOrderId = TamaraOrderId,
            CheckoutId = "checkout-1",
            State = TamaraSessionState.Paid,
            TamaraStatus = TamaraOrderStatus.FullyCaptured,
            Amount = captured,
            CapturedAmount = captured,
            CurrencyCode = currency,
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddHours(-1)
        });

        Client.Setup(client => client.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), TamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Tamara.Read());
        Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => Tamara.Refund(request));

        SettingService.Setup(service => service.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>()))
            .ReturnsAsync(new TamaraInStoreSettings { ApiToken = "secret" });
        Localization.Setup(service => service.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => _english.TryGetValue(key, out var text) ? text : key);
        CurrencyService.Setup(service => service.GetCurrencyByIdAsync(1))
            .ReturnsAsync(new Currency { Id = 1, CurrencyCode = primaryCurrency ?? currency });
        OrderService.Setup(service => service.InsertOrderNoteAsync(It.IsAny<OrderNote>()))
            .Callback((OrderNote note) => Notes.Add(note.Note))
            .Returns(Task.CompletedTask);
        SetUpOfflineRefundsAsTheCoreDoes();

        Service = new TamaraRefundService(new TamaraOrderNoteWriter(OrderService.Object, new InMemoryRepository<TamaraOrderNote>(), Clock), new CurrencySettings { PrimaryStoreCurrencyId = 1 }, CurrencyService.Object, Http,
            Localization.Object, Locker, Logger.Object, OrderProcessing.Object, OrderService.Object, SettingService.Object,
            Client.Object, SessionService, Clock);
    }

    public Order Order { get; }

    public TamaraOrderBook Tamara { get; }

    /// <summary>With the database's unique index on the Tamara refund id, which many rows without one (NULL) pass</summary>
    public InMemoryRepository<TamaraRefund> Refunds { get; } = new() { UniqueKey = row => row.RefundId ?? (object)new object() };

    public InMemoryRepository<TamaraSession> Sessions { get; } = new();

    /// <summary>With the unique index the database has</summary>
    public InMemoryRepository<TamaraRefundClaim> RefundClaims { get; } = new() { UniqueKey = claim => (claim.SessionId, claim.Basis) };

    /// <summary>The request the core's refund runs in: without a form unless a test clicks from a page</summary>
    public HttpContextAccessor Http { get; } = new();

    public TamaraSessionService SessionService { get; }

    public InMemoryLocker Locker { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public Mock<ITamaraClient> Client { get; } = new();

    public Mock<IOrderProcessingService> OrderProcessing { get; } = new();

    public Mock<IOrderService> OrderService { get; } = new();

    public Mock<ISettingService> SettingService { get; } = new();

    public Mock<ILocalizationService> Localization { get; } = new();

    public Mock<ICurrencyService> CurrencyService { get; } = new();

    public Mock<ILogger> Logger { get; } = new();

    public List<string> Notes { get; } = new();

    public TamaraRefundService Service { get; }

    public TamaraSession Session => Sessions.Rows.Single();

    public string LockKey => string.Format(TamaraInStoreDefaults.OrderLockKey, TamaraOrderId);

    /// <summary>The Refund button: the core asks for the whole order total, then books it on success</summary>
    public Task<RefundPaymentResult> RefundAsync() => ClickAsync(Order.OrderTotal, isPartialRefund: false);

    /// <summary>The Partial refund popup: the core asks for the amount, then books it on success</summary>
    public Task<RefundPaymentResult> PartiallyRefundAsync(decimal amount) => ClickAsync(amount, isPartialRefund: true);

    /// <summary>The refund state a page opened now carries (the order card, the partial refund popup)</summary>
    public string OpenPage() => TamaraRefundBasis.Format(Order.Id, TamaraRefundBasis.Of(Refunds.Rows));

    /// <summary>The popup's Refund button: nopCommerce's form posts the page's hidden field with the amount</summary>
    public async Task<RefundPaymentResult> PartiallyRefundFromPageAsync(string page, decimal amount)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = HttpMethods.Post;
        request.ContentType = "application/x-www-form-urlencoded";
        request.Form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["AmountToRefund"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TamaraRefundBasis.FormField] = page
        });
        Http.HttpContext = request.HttpContext;
        try
        {
            return await PartiallyRefundAsync(amount);
        }
        finally
        {
            Http.HttpContext = null;
        }
    }

    /// <summary>Tamara makes the refund but its answer never arrives; afterwards Tamara's order shows it</summary>
    public async Task PartialRefundWhoseAnswerIsLostAsync(decimal amount)
    {
        Tamara.DelayVisibility = true;
        TamaraRefundsButTimesOut();
        await PartiallyRefundAsync(amount);
        Tamara.RevealRefunds();
    }

    public Task ReconcileAsync() => Service.ReconcileRefundsAsync(Order, Session, Tamara.Read());

    public string English(string key) => _english[key];

    public string English(string key, params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, _english[key], arguments);

    /// <summary>Minutes an unconfirmed refund is waited for, as the messages state it</summary>
    public static double GraceMinutes => TamaraRefundService.UnconfirmedRefundGracePeriod.TotalMinutes;

    public void TamaraRefuses(HttpStatusCode status, string message) =>
        Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TamaraApiException(message, status, "POST /payments/simplified-refund"));

    /// <summary>Tamara makes the refund, but its answer never arrives</summary>
    public void TamaraRefundsButTimesOut() =>
        Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .Callback((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => Tamara.Refund(request))
            .ThrowsAsync(Timeout());

    /// <summary>The request never reaches Tamara, and no answer arrives</summary>
    public void TamaraTimesOutWithoutRefunding() =>
        Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(Timeout());

    public void TamaraAnswersNormally() =>
        Client.Setup(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), TamaraOrderId, It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TamaraInStoreSettings _, string _, SimplifiedRefundRequest request, CancellationToken _) => Tamara.Refund(request));

    public void VerifyRefundCalls(int times) =>
        Client.Verify(client => client.SimplifiedRefundAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<SimplifiedRefundRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(times));

    public void VerifyOfflineRefunds(int partial, int full)
    {
        OrderProcessing.Verify(service => service.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()), Times.Exactly(partial));
        OrderProcessing.Verify(service => service.RefundOfflineAsync(It.IsAny<Order>()), Times.Exactly(full));
    }

    private static TamaraApiException Timeout() =>
        new("The request to Tamara timed out", null, "POST /payments/simplified-refund", isTransient: true, kind: TamaraErrorKind.Timeout);

    private async Task<RefundPaymentResult> ClickAsync(decimal amount, bool isPartialRefund)
    {
        // the core refuses before asking the payment method (CanRefundAsync / CanPartiallyRefundAsync)
        var canRefund = isPartialRefund
            ? Order.OrderTotal != 0 && Order.OrderTotal - Order.RefundedAmount > 0 && amount <= Order.OrderTotal - Order.RefundedAmount
                && Order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded
            : Order.OrderTotal != 0 && Order.RefundedAmount == 0 && Order.PaymentStatus == PaymentStatus.Paid;
        if (!canRefund)
            throw new Nop.Core.NopException(isPartialRefund ? "Cannot do partial refund for order." : "Cannot do refund for order.");

        var result = await Service.RefundAsync(new RefundPaymentRequest { Order = Order, AmountToRefund = amount, IsPartialRefund = isPartialRefund });
        if (!result.Success)
            return result;

        var totalRefunded = Order.RefundedAmount + amount;
        Order.RefundedAmount = totalRefunded;
        Order.PaymentStatus = isPartialRefund && Order.OrderTotal == totalRefunded && result.NewPaymentStatus == PaymentStatus.PartiallyRefunded
            ? PaymentStatus.Refunded
            : result.NewPaymentStatus;
        return result;
    }

    private void SetUpOfflineRefundsAsTheCoreDoes()
    {
        OrderProcessing.Setup(service => service.CanRefundOffline(It.IsAny<Order>()))
            .Returns((Order order) => order.OrderTotal != 0 && order.RefundedAmount == 0 && order.PaymentStatus == PaymentStatus.Paid);
        OrderProcessing.Setup(service => service.RefundOfflineAsync(It.IsAny<Order>()))
            .Callback((Order order) =>
            {
                order.RefundedAmount += order.OrderTotal;
                order.PaymentStatus = PaymentStatus.Refunded;
            })
            .Returns(Task.CompletedTask);
        OrderProcessing.Setup(service => service.CanPartiallyRefundOffline(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => order.OrderTotal != 0
                && order.OrderTotal - order.RefundedAmount > 0
                && amount <= order.OrderTotal - order.RefundedAmount
                && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded);
        OrderProcessing.Setup(service => service.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Callback((Order order, decimal amount) =>
            {
                order.RefundedAmount += amount;
                order.PaymentStatus = order.OrderTotal == order.RefundedAmount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
            })
            .Returns(Task.CompletedTask);
    }
}
