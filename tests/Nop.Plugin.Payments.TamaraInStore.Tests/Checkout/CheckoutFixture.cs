using Microsoft.Extensions.Time.Testing;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Api;
using Nop.Plugin.Payments.TamaraInStore.Services.Api.Models;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Refunds;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Configuration;
using Nop.Services.Customers;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;

/// <summary>
/// A checkout service over mocks: one store, a Saudi merchant paid in SAR, primary currency USD at 3.75 unless changed
/// </summary>
public class CheckoutFixture
{
    public static readonly IDictionary<string, string> English = TamaraInStoreLocaleResources.English();

    public TamaraInStoreSettings Settings { get; } = new()
    {
        ApiToken = "token-abcd1234",
        CountryCode = "SA",
        SessionLifetimeMinutes = 15,
        PollIntervalSeconds = 10,
        OfferOnlyToStaff = true,
        UpdateOrderReferenceId = true,
        StoreCode = "Branch A"
    };

    public Currency Currency { get; set; } = new() { Id = 2, CurrencyCode = "SAR", Rate = 3.75m };
    public decimal Rate { get; set; } = 3.75m;
    public Customer Customer { get; } = new() { Id = 7, Email = "mona@example.com", Phone = "0501234567" };
    /// <summary>The staff member impersonating <see cref="Customer"/>; null for a customer shopping on their own</summary>
    public Customer Staff { get; set; } = new() { Id = 1, Email = "clerk@example.com" };

    /// <summary>The work context of the last <see cref="Create"/></summary>
    public FakeWorkContext WorkContext { get; private set; }
    public decimal CartTotalPrimary { get; set; } = 100m;
    public IList<TamaraPaymentType> PaymentTypes { get; set; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
    public InMemoryRepository<TamaraSession> Sessions { get; } = new();
    public Mock<ITamaraClient> Client { get; } = new();
    public Mock<IOrderService> OrderService { get; } = new();
    public Mock<ILogger> Logger { get; } = new();
    public Mock<IOrderProcessingService> OrderProcessing { get; } = new();

    public InMemoryLocker Locker { get; } = new();

    /// <summary>The till's browser request: its cookies are what the till remembers</summary>
    public Microsoft.AspNetCore.Http.DefaultHttpContext HttpContext { get; set; } = new();
    public Mock<TamaraOrderLineReader> LineReader { get; } = new(null, null, null, null, null);
    public List<OrderNote> Notes { get; } = new();

    /// <summary>Orders nopCommerce saved, found by GetOrderByGuidAsync and GetOrderByIdAsync like the host's</summary>
    public List<Order> PlacedOrders { get; } = new();

    /// <summary>The payment request nopCommerce keeps between the checkout steps, with its 180 s order GUID rule</summary>
    public NopPaymentRequestStore PaymentRequests => _paymentRequests ??= new NopPaymentRequestStore(Time);

    private NopPaymentRequestStore _paymentRequests;

    public TamaraOrderAmounts CartAmounts { get; set; } = new(
        [new TamaraOrderLine("Lego City", "SA-1", "11", true, 1, 26.666667m, 0m, 3.478261m, 26.666667m)], 0m);

    public TamaraCheckoutService Create()
    {
        var settingService = new Mock<ISettingService>();
        settingService.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(() => Settings);

        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => English.TryGetValue(key, out var text) ? text : key);

        // one work context per request, as in nopCommerce: it learns about impersonation when the customer is first resolved
        WorkContext = new FakeWorkContext
        {
            Customer = Customer,
            Staff = Staff,
            Currency = Currency,
            Language = new Language { Id = 1, LanguageCulture = "ar-SA" }
        };

        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1, Url = "https://shop.example/" });

        var currencyService = new Mock<ICurrencyService>();
        currencyService.Setup(c => c.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>()))
            .ReturnsAsync((decimal amount, Currency _) => amount * Rate);

        var totals = new Mock<IOrderTotalCalculationService>();
        totals.Setup(t => t.GetShoppingCartTotalAsync(It.IsAny<IList<ShoppingCartItem>>(), It.IsAny<bool?>(), It.IsAny<bool>()))
            .ReturnsAsync(() => (CartTotalPrimary, 0m, new List<Nop.Core.Domain.Discounts.Discount>(), new List<AppliedGiftCard>(), 0, 0m));

        var customerService = new Mock<ICustomerService>();
        customerService.Setup(c => c.GetCustomerByIdAsync(It.IsAny<int>())).ReturnsAsync(Customer);

        var cartService = new Mock<IShoppingCartService>();
        cartService.Setup(c => c.GetShoppingCartAsync(It.IsAny<Customer>(), It.IsAny<ShoppingCartType?>(), It.IsAny<int>(),
                It.IsAny<int?>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int?>()))
            .ReturnsAsync(new List<ShoppingCartItem> { new() { ProductId = 11, Quantity = 1 } });

        LineReader.Setup(r => r.FromCartAsync(It.IsAny<IList<ShoppingCartItem>>(), It.IsAny<Customer>())).ReturnsAsync(() => CartAmounts);

        OrderService.Setup(o => o.InsertOrderNoteAsync(It.IsAny<OrderNote>())).Callback((OrderNote note) => Notes.Add(note)).Returns(Task.CompletedTask);
        OrderService.Setup(o => o.GetOrderByGuidAsync(It.IsAny<Guid>())).ReturnsAsync((Guid orderGuid) => PlacedOrders.FirstOrDefault(order => order.OrderGuid == orderGuid));
        OrderService.Setup(o => o.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => PlacedOrders.FirstOrDefault(order => order.Id == id));

        var paymentTypes = new Mock<TamaraPaymentTypesService>(null, null, null);
        paymentTypes.Setup(p => p.GetPaymentTypesAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<int>(), It.IsAny<string>()))
            .ReturnsAsync(() => PaymentTypes);

        var sessionService = new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), Sessions);
        var creator = new TamaraSessionCreator(localization.Object, Logger.Object, Client.Object, sessionService, Time);
        var refunds = new Mock<TamaraRefundService>(Enumerable.Repeat<object>(null, typeof(TamaraRefundService).GetConstructors().Single().GetParameters().Length).ToArray());
        var noteWriter = new TamaraOrderNoteWriter(OrderService.Object, new InMemoryRepository<TamaraOrderNote>(), Time);
        var orderSync = new TamaraOrderSyncService(noteWriter, Locker, Logger.Object, OrderProcessing.Object, OrderService.Object, settingService.Object,
            Client.Object, new TamaraOrderPayment(OrderProcessing.Object, OrderService.Object, sessionService, Time), refunds.Object, sessionService, Time);

        return new TamaraCheckoutService(noteWriter, currencyService.Object, customerService.Object, localization.Object, Locker, Logger.Object,
            OrderService.Object, totals.Object, settingService.Object, cartService.Object, storeContext.Object, Client.Object,
            WorkContext, LineReader.Object, orderSync, paymentTypes.Object, new TamaraPhoneNumberService(), creator,
            new TamaraSessionRequestBuilder(), sessionService,
            new TamaraTillDevice(new Microsoft.AspNetCore.Http.HttpContextAccessor { HttpContext = HttpContext }), Time);
    }

    public static Nop.Services.Payments.ProcessPaymentRequest PaymentRequest(decimal orderTotalPrimary, Guid? orderGuid = null, string phone = "966501234567")
    {
        var request = new Nop.Services.Payments.ProcessPaymentRequest { StoreId = 1, CustomerId = 7, OrderTotal = orderTotalPrimary };
        if (orderGuid.HasValue)
            request.OrderGuid = orderGuid.Value;

        request.CustomValues.Add(new CustomValue(TamaraInStoreDefaults.CustomValueNames.PhoneNumber, phone, CustomValueDisplayLocation.Payment, false));
        request.CustomValues.Add(new CustomValue(TamaraInStoreDefaults.CustomValueNames.Email, "mona@example.com", CustomValueDisplayLocation.Payment, false));
        request.CustomValues.Add(new CustomValue(TamaraInStoreDefaults.CustomValueNames.Locale, "ar_SA", CustomValueDisplayLocation.Payment, false));
        request.CustomValues.Add(new CustomValue(TamaraInStoreDefaults.CustomValueNames.PaymentType, "PAY_BY_INSTALMENTS", CustomValueDisplayLocation.Payment, false));
        return request;
    }

    /// <summary>A session sent to a phone number some minutes ago (another checkout, or another store)</summary>
    public TamaraSession SentEarlier(string phone, TimeSpan ago)
    {
        var session = new TamaraSession
        {
            OrderGuid = Guid.NewGuid(),
            StoreId = 1,
            PhoneNumber = phone,
            TamaraOrderId = $"earlier-{Guid.NewGuid():N}",
            CreatedOnUtc = Time.GetUtcNow().UtcDateTime - ago,
            ExpiresOnUtc = Time.GetUtcNow().UtcDateTime - ago + TimeSpan.FromMinutes(15)
        };
        Sessions.Insert(session);
        return session;
    }

    /// <summary>Tamara's current answer for one of its orders (GET /merchants/orders/{id})</summary>
    public void TamaraSays(string tamaraOrderId, string status, decimal captured = 0m) =>
        Client.Setup(c => c.GetOrderAsync(It.IsAny<TamaraInStoreSettings>(), tamaraOrderId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
            {
                var order = new TamaraOrder { OrderId = tamaraOrderId, Status = status, TotalAmount = new TamaraMoney(captured, "SAR"), CapturedAmount = new TamaraMoney(captured, "SAR") };
                if (captured > 0m)
                    order.Transactions.Captures.Add(new TamaraCapture { CaptureId = "capture-" + tamaraOrderId, TotalAmount = new TamaraMoney(captured, "SAR") });
                return order;
            });

    public void TamaraVoids(string checkoutId) =>
        Client.Setup(c => c.VoidCheckoutSessionAsync(It.IsAny<TamaraInStoreSettings>(), checkoutId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoidCheckoutSessionResponse { OrderWasVoided = true });

    public void TamaraCreates(string orderId = "tamara-order-1", string checkoutId = "checkout-1") =>
        Client.Setup(c => c.CreateInStoreSessionAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<CreateInStoreSessionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CreateInStoreSessionResponse { OrderId = orderId, CheckoutId = checkoutId, CheckoutDeeplink = "https://checkout.tamara.co/x" });
}
