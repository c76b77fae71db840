using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Services.Counter;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Counter;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public class CounterReturnsTests
{
    private readonly InMemoryRepository<TamaraSession> _sessions = new();
    private readonly List<Order> _orders = new();

    private TamaraCounterReturns Create()
    {
        var orderService = new Mock<IOrderService>();
        orderService.Setup(o => o.GetOrderByIdAsync(It.IsAny<int>())).ReturnsAsync((int id) => _orders.FirstOrDefault(o => o.Id == id));
        orderService.Setup(o => o.GetOrderByCustomOrderNumberAsync(It.IsAny<string>())).ReturnsAsync((string number) => _orders.FirstOrDefault(o => o.CustomOrderNumber == number));
        return new TamaraCounterReturns(orderService.Object, new TamaraPhoneNumberService(), new TamaraSessionService(new InMemoryRepository<TamaraRefund>(), _sessions));
    }

    private void Sale(int orderId, string number, string phone, string tamaraOrderId)
    {
        _orders.Add(new Order { Id = orderId, CustomOrderNumber = number, PaymentMethodSystemName = TamaraInStoreDefaults.SystemName, PaymentStatus = Nop.Core.Domain.Payments.PaymentStatus.Paid });
        _sessions.Insert(new TamaraSession { OrderId = orderId, PhoneNumber = phone, TamaraOrderId = tamaraOrderId, Amount = 500m, CurrencyCode = "SAR", State = TamaraSessionState.Paid });
    }

    [TestCase("0501234567")]
    [TestCase("+966 50 123 4567")]
    [TestCase("C-1001")]
    [TestCase("1001")]
    [TestCase("tamara-abc")]
    public async Task A_sale_is_found_by_phone_order_number_order_id_or_Tamara_order_id(string query)
    {
        Sale(1001, "C-1001", "966501234567", "tamara-abc");
        Sale(1002, "C-1002", "966509999999", "tamara-def");

        var rows = await Create().FindAsync(query, "SA");

        Assert.That(rows.Select(row => row.OrderId), Is.EqualTo(new[] { 1001 }));
        Assert.That(rows.Single().MaskedPhone, Does.Not.Contain("501234567"));
    }

    [Test]
    public async Task A_session_without_a_placed_order_is_not_listed()
    {
        _sessions.Insert(new TamaraSession { OrderId = 0, PhoneNumber = "966501234567", TamaraOrderId = "orphan" });

        Assert.That(await Create().FindAsync("0501234567", "SA"), Is.Empty);
        Assert.That(await Create().FindAsync("orphan", "SA"), Is.Empty);
    }
}
