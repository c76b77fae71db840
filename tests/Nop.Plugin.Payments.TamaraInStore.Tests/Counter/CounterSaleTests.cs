using Moq;
using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Services.Sync;
using Nop.Plugin.Payments.TamaraInStore.Tests.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Counter;

/// <summary>Sending a counter sale: pre-check, customer, and nopCommerce's own order placement, with nothing left behind on failure</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CounterSaleTests
{
    private const int StoreId = 1;

    private readonly Customer _clerk = new() { Id = 1, Email = "clerk@example.com" };
    private readonly Customer _sale = new() { Id = 50 };
    private readonly InMemoryGenericAttributes _attributes = new();
    private readonly InMemoryRepository<TamaraSession> _sessions = new();
    private readonly Mock<IOrderProcessingService> _orderProcessing = new();
    private readonly Mock<IOrderService> _orderService = new();
    private readonly Mock<IShoppingCartService> _cartService = new();
    private readonly Mock<IProductService> _products = new();
    private readonly Mock<TamaraCounterCartService> _counterCart = ClassMock<TamaraCounterCartService>();
    private readonly Mock<TamaraCounterCustomerService> _customers = ClassMock<TamaraCounterCustomerService>();
    private readonly Mock<TamaraCounterPreCheck> _preCheck = ClassMock<TamaraCounterPreCheck>();
    private readonly Mock<TamaraOrderSyncService> _orderSync = ClassMock<TamaraOrderSyncService>();
    private readonly List<Order> _savedOrders = new();
    private readonly List<TamaraCounterSaleScope> _scopesSeenByPlaceOrder = new();

    private Mock<TamaraCheckoutService> _checkout;
    private TamaraCounterPreCheckResult _preCheckResult = TamaraCounterPreCheckResult.Offered([]);
    private Customer _existingCustomer;
    private int _nextOrderId = 900;

    private static Mock<T> ClassMock<T>() where T : class =>
        new(Enumerable.Repeat<object>(null, typeof(T).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters().Length).ToArray());

    private TamaraCounterSaleService Create()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>()))
            .ReturnsAsync((string key) => CheckoutFixture.English.TryGetValue(key, out var text) ? text : key);

        var settings = new Mock<ISettingService>();
        settings.Setup(s => s.LoadSettingAsync<TamaraInStoreSettings>(It.IsAny<int>())).ReturnsAsync(new TamaraInStoreSettings { ApiToken = "t", CountryCode = "SA" });

        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(s => s.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = StoreId });

        var workContext = new FakeWorkContext { Customer = _clerk, Currency = new Currency { Id = 1, CurrencyCode = "SAR", Rate = 1m } };
        var currency = new Mock<ICurrencyService>();
        currency.Setup(c => c.ConvertFromPrimaryStoreCurrencyAsync(It.IsAny<decimal>(), It.IsAny<Currency>())).ReturnsAsync((decimal amount, Currency _) => amount);

        _counterCart.Setup(c => c.GetSaleCustomerAsync()).ReturnsAsync(() => _sale);
        _counterCart.Setup(c => c.CartOfAsync(It.IsAny<Customer>())).ReturnsAsync(new List<ShoppingCartItem> { new() { Id = 5, ProductId = 11, Quantity = 2 } });
        _counterCart.Setup(c => c.PriceAsync(It.IsAny<Customer>())).ReturnsAsync(new TamaraCounterCart { TotalAmount = 460m });

        _customers.Setup(c => c.FindByPhoneAsync(It.IsAny<string>(), It.IsAny<string>())).ReturnsAsync(() => _existingCustomer);
        _preCheck.Setup(p => p.CheckAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<decimal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _preCheckResult);

        _orderService.Setup(o => o.GetOrderByGuidAsync(It.IsAny<Guid>())).ReturnsAsync((Guid guid) => _savedOrders.FirstOrDefault(o => o.OrderGuid == guid));
        _orderService.Setup(o => o.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => _savedOrders.FirstOrDefault(o => o.Id == id));
        _orderProcessing.Setup(o => o.CanCancelOrder(It.IsAny<Order>())).Returns(true);
        PlaceOrderSucceeds();

        _products.Setup(p => p.GetProductByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => new Nop.Core.Domain.Catalog.Product { Id = id });
        _cartService.Setup(c => c.AddToCartAsync(It.IsAny<Customer>(), It.IsAny<Nop.Core.Domain.Catalog.Product>(), It.IsAny<ShoppingCartType>(), It.IsAny<int>(),
            It.IsAny<string>(), It.IsAny<decimal>(), It.IsAny<DateTime?>(), It.IsAny<DateTime?>(), It.IsAny<int>(), It.IsAny<bool>(), It.IsAny<int?>()))
            .ReturnsAsync(new List<string>());

        var checkout = ClassMock<TamaraCheckoutService>();
        checkout.Setup(c => c.DefaultLocaleAsync()).ReturnsAsync("ar_SA");
        _checkout = checkout;

        return new TamaraCounterSaleService(currency.Object, _attributes, localization.Object, new InMemoryLocker(), new Mock<ILogger>().Object,
            _orderProcessing.Object, _orderService.Object, _products.Object, settings.Object, _cartService.Object, storeContext.Object,
            workContext, checkout.Object, _counterCart.Object, _customers.Object, _preCheck.Object, _orderSync.Object, new TamaraPhoneNumberService(),
            new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions));
    }

    private void PlaceOrderSucceeds() =>
        _orderProcessing.Setup(o => o.PlaceOrderAsync(It.IsAny<ProcessPaymentRequest>())).ReturnsAsync((ProcessPaymentRequest request) =>
        {
            _scopesSeenByPlaceOrder.Add(TamaraStaffOrderEntry.CounterSale);
            var order = new Order { Id = _nextOrderId++, OrderGuid = request.OrderGuid, CustomOrderNumber = "C-" + _nextOrderId, CustomerId = request.CustomerId };
            _savedOrders.Add(order);
            return new PlaceOrderResult { PlacedOrder = order };
        });

    private async Task<string> TokenAsync(TamaraCounterSaleService service) => await service.IssueSendTokenAsync();

    private static TamaraCounterSendRequest Send(string token, string phone = "0501234567") => new() { PhoneNumber = phone, Name = "Mona Ali", SendToken = token, Till = "Till 2" };

    [Test]
    public async Task A_new_customer_is_registered_and_the_order_placed_by_nopCommerce_as_a_counter_sale_with_Tamara()
    {
        var service = Create();

        var result = await service.SendAsync(Send(await TokenAsync(service)));

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterSendOutcome.Sent), string.Join("; ", result.Errors));
        Assert.That(result.NewCustomer, Is.True);
        _customers.Verify(c => c.RegisterAsync(_sale, "966501234567", "Mona Ali", StoreId), Times.Once);
        _customers.Verify(c => c.PrepareAddressesAsync(_sale, "966501234567", null, "Mona Ali", "SA", It.IsAny<bool>()), Times.Once);
        _orderProcessing.Verify(o => o.PlaceOrderAsync(It.Is<ProcessPaymentRequest>(r =>
            r.CustomerId == _sale.Id && r.StoreId == StoreId && r.PaymentMethodSystemName == TamaraInStoreDefaults.SystemName
            && r.CustomValues[TamaraInStoreDefaults.CustomValueNames.PhoneNumber] == "966501234567"
            && r.CustomValues[TamaraInStoreDefaults.CustomValueNames.Channel] == TamaraInStoreDefaults.Channels.Sms)), Times.Once);
        Assert.That(_scopesSeenByPlaceOrder.Single(), Is.EqualTo(new TamaraCounterSaleScope(_clerk.Id, "Till 2")));
        Assert.That(TamaraStaffOrderEntry.CounterSale, Is.Null);
        _counterCart.Verify(c => c.EndSaleAsync(), Times.Once);
        _checkout.Verify(c => c.PostProcessPaymentAsync(It.Is<PostProcessPaymentRequest>(r => r.Order.Id == _savedOrders.Single().Id)), Times.Once);
    }

    [Test]
    public async Task A_double_click_places_one_order_and_the_second_click_is_told_which()
    {
        var service = Create();
        var token = await TokenAsync(service);

        var results = await Task.WhenAll(service.SendAsync(Send(token)), service.SendAsync(Send(token)));

        _orderProcessing.Verify(o => o.PlaceOrderAsync(It.IsAny<ProcessPaymentRequest>()), Times.Once);
        Assert.That(results.Select(r => r.Outcome), Is.EquivalentTo(new[] { TamaraCounterSendOutcome.Sent, TamaraCounterSendOutcome.AlreadySent }));
        Assert.That(results.Select(r => r.OrderId).Distinct().Single(), Is.EqualTo(_savedOrders.Single().Id));
    }

    [Test]
    public async Task When_Tamara_offers_no_plan_nothing_is_placed_or_sent()
    {
        _preCheckResult = TamaraCounterPreCheckResult.Refused([]);
        var service = Create();

        var result = await service.SendAsync(Send(await TokenAsync(service)));

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterSendOutcome.NoPlan));
        _orderProcessing.Verify(o => o.PlaceOrderAsync(It.IsAny<ProcessPaymentRequest>()), Times.Never);
        _customers.Verify(c => c.RegisterAsync(It.IsAny<Customer>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task An_invalid_phone_is_refused_before_anything_else()
    {
        var service = Create();

        var result = await service.SendAsync(Send(await TokenAsync(service), phone: "12345"));

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterSendOutcome.Failed));
        Assert.That(result.Errors.Single(), Does.Contain("not a valid mobile number"));
        _preCheck.Verify(p => p.CheckAsync(It.IsAny<TamaraInStoreSettings>(), It.IsAny<string>(), It.IsAny<decimal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task An_order_nopCommerce_saved_before_failing_is_cancelled_and_its_link_voided()
    {
        var service = Create();
        _orderProcessing.Setup(o => o.PlaceOrderAsync(It.IsAny<ProcessPaymentRequest>())).ReturnsAsync((ProcessPaymentRequest request) =>
        {
            // the session was created, the order saved, then a later step of PlaceOrderAsync threw (it answers errors)
            _sessions.Insert(new TamaraSession { OrderGuid = request.OrderGuid, TamaraOrderId = "t-1", CheckoutId = "c-1", State = TamaraSessionState.Pending });
            _savedOrders.Add(new Order { Id = 77, OrderGuid = request.OrderGuid });
            var failed = new PlaceOrderResult();
            failed.AddError("An e-mail could not be queued");
            return failed;
        });

        var result = await service.SendAsync(Send(await TokenAsync(service)));

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterSendOutcome.Failed));
        Assert.That(result.Errors, Is.EqualTo(new[] { "An e-mail could not be queued" }));
        _orderProcessing.Verify(o => o.CancelOrderAsync(It.Is<Order>(order => order.Id == 77), false), Times.Once);
        _orderSync.Verify(s => s.VoidSessionAsync(It.Is<TamaraSession>(session => session.TamaraOrderId == "t-1"), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _counterCart.Verify(c => c.EndSaleAsync(), Times.Never);
    }

    [Test]
    public async Task An_existing_customer_gets_only_the_counter_items_and_keeps_their_own_cart()
    {
        _existingCustomer = new Customer { Id = 8, FirstName = "Sara", Phone = "0501234567" };
        var ownItem = new ShoppingCartItem { Id = 99, ProductId = 12, Quantity = 1, AttributesXml = "<a/>" };
        var ownCart = new List<ShoppingCartItem> { ownItem };
        var service = Create();
        _counterCart.Setup(c => c.CartOfAsync(_existingCustomer)).ReturnsAsync(() => ownCart.ToList());
        var sequence = new List<string>();
        _cartService.Setup(c => c.DeleteShoppingCartItemAsync(ownItem, false, false)).Callback(() => { sequence.Add("set aside"); ownCart.Clear(); }).Returns(Task.CompletedTask);
        _cartService.Setup(c => c.MigrateShoppingCartAsync(_sale, _existingCustomer, false)).Callback(() => sequence.Add("migrate")).Returns(Task.CompletedTask);
        _orderProcessing.Setup(o => o.PlaceOrderAsync(It.IsAny<ProcessPaymentRequest>())).Callback(() => sequence.Add("place"))
            .ReturnsAsync(() => new PlaceOrderResult { PlacedOrder = new Order { Id = 5 } });

        var result = await service.SendAsync(Send(await TokenAsync(service)));

        Assert.That(result.Outcome, Is.EqualTo(TamaraCounterSendOutcome.Sent));
        Assert.That(result.NewCustomer, Is.False);
        Assert.That(result.CustomerName, Is.EqualTo("Sara"));
        Assert.That(sequence, Is.EqualTo(new[] { "set aside", "migrate", "place" }));
        _customers.Verify(c => c.RegisterAsync(It.IsAny<Customer>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>()), Times.Never);
        _orderProcessing.Verify(o => o.PlaceOrderAsync(It.Is<ProcessPaymentRequest>(r => r.CustomerId == 8)), Times.Once);
        _cartService.Verify(c => c.AddToCartAsync(_existingCustomer, It.Is<Nop.Core.Domain.Catalog.Product>(p => p.Id == 12), ShoppingCartType.ShoppingCart, StoreId,
            "<a/>", 0m, null, null, 1, false, null), Times.Once);
    }
}
