using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.TamaraInStore.Domain;
using Nop.Plugin.Payments.TamaraInStore.Services.Operations;
using Nop.Plugin.Payments.TamaraInStore.Tests.Fakes;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Operations;

public class PaymentWithoutOrderTests
{
    [Test]
    public async Task A_tamara_payment_without_an_order_is_listed_under_needs_attention_and_named_as_such()
    {
        var sessions = new InMemoryRepository<TamaraSession>();
        var orders = new InMemoryRepository<Order>();
        // a checkout whose order was never placed (it has its GUID), and a Tamara order no checkout created (learnt by webhook)
        sessions.Insert(new TamaraSession { OrderGuid = Guid.NewGuid(), TamaraOrderId = "orphan", State = TamaraSessionState.NeedsAttention, CreatedOnUtc = DateTime.UtcNow });
        sessions.Insert(new TamaraSession { OrderGuid = Guid.Empty, TamaraOrderId = "stranger", State = TamaraSessionState.NeedsAttention, CreatedOnUtc = DateTime.UtcNow });
        sessions.Insert(new TamaraSession { OrderGuid = Guid.NewGuid(), TamaraOrderId = "paid", State = TamaraSessionState.Paid, CreatedOnUtc = DateTime.UtcNow });

        var rows = await new TamaraOperationsQuery(orders, sessions).SearchAllAsync(new TamaraOperationsFilter { State = TamaraOperationsState.NeedsAttention });

        Assert.That(rows.Select(row => (row.TamaraOrderId, row.IsPaymentWithoutOrder)),
            Is.EquivalentTo(new[] { ("orphan", false), ("stranger", true) }));
    }
}
