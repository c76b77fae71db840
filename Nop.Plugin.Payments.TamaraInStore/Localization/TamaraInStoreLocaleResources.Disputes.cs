namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string DisputePrefix = "Plugins.Payments.TamaraInStore.Dispute.";
    private const string OrderBlockDisputesPrefix = "Plugins.Payments.TamaraInStore.OrderBlock.Disputes";

    /// <summary>Customers' disputes of Tamara orders, on the order card and the operations page</summary>
    private static IEnumerable<LocaleResource> Disputes =>
    [
        new(DisputePrefix + "Status.open", "Open", "مفتوح"),
        new(DisputePrefix + "Status.awaiting_merchant_response", "Awaiting your answer", "بانتظار ردّك"),
        new(DisputePrefix + "Status.under_review", "Under review at Tamara", "قيد المراجعة لدى تمارا"),
        new(DisputePrefix + "Status.claim_accepted", "Claim accepted (customer refunded)", "قُبلت المطالبة (استُرد المبلغ للعميل)"),
        new(DisputePrefix + "Status.claim_rejected", "Claim rejected", "رُفضت المطالبة"),
        new(DisputePrefix + "Status.closed", "Closed", "مغلق"),
        new(DisputePrefix + "Status.cancelled", "Cancelled by the customer", "ألغاه العميل"),
        new(DisputePrefix + "WithDeadline", "{0}, answer by {1}", "{0}، الرد قبل {1}"),

        new(OrderBlockDisputesPrefix, "Disputes at Tamara", "النزاعات لدى تمارا"),
        new(OrderBlockDisputesPrefix + ".DisputeId", "Dispute", "النزاع"),
        new(OrderBlockDisputesPrefix + ".Status", "Status", "الحالة"),
        new(OrderBlockDisputesPrefix + ".Amount", "Amount", "المبلغ"),
        new(OrderBlockDisputesPrefix + ".RespondBy", "Answer by", "الرد قبل"),
        new(OrderBlockDisputesPrefix + ".Reason", "Reason", "السبب"),
        new(OrderBlockDisputesPrefix + ".UpdatedOn", "Updated", "آخر تحديث")
    ];
}
