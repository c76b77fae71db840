namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string OperationsPrefix = "Plugins.Payments.TamaraInStore.Operations.";

    /// <summary>Sales → Tamara operations</summary>
    private static IEnumerable<LocaleResource> Operations =>
    [
        new(OperationsPrefix + "Menu", "Tamara operations", "عمليات تمارا"),
        new(OperationsPrefix + "Title", "Tamara operations", "عمليات تمارا"),
        new(OperationsPrefix + "NeedsAttentionCount", "{0} need attention", "{0} بحاجة إلى مراجعة"),
        new(OperationsPrefix + "ExportCsv", "Export to CSV", "تصدير إلى CSV"),

        new(OperationsPrefix + "Reconciliation", "Reconciliation with Tamara", "المطابقة مع تمارا"),
        new(OperationsPrefix + "Reconciliation.NeverRan", "Reconciliation has not run yet.", "لم تُجرَ المطابقة بعد."),
        new(OperationsPrefix + "Reconciliation.AllAgree", "All {0} orders agree", "جميع الطلبات ({0}) متطابقة"),
        new(OperationsPrefix + "Reconciliation.Disagreements", "{0} disagreements", "عدد الاختلافات: {0}"),
        new(OperationsPrefix + "Reconciliation.Incomplete", "The last run did not finish: {0}", "لم يكتمل التشغيل الأخير: {0}"),
        new(OperationsPrefix + "Reconciliation.RunOn", "(run {0}, sessions of the last {1} days)", "(تم التشغيل {0}، جلسات آخر {1} يوم)"),
        new(OperationsPrefix + "Reconciliation.Verdict", "What is wrong", "المشكلة"),
        new(OperationsPrefix + "Reconciliation.Detail", "Detail", "التفاصيل"),
        new(OperationsPrefix + "Reconciliation.Action", "What fixes it", "طريقة الحل"),
        new(OperationsPrefix + "Reconciliation.Fixed", "Fixed", "تم الإصلاح"),
        new(OperationsPrefix + "Reconciliation.Fixed.Yes", "Fixed by this run", "أصلحه هذا التشغيل"),
        new(OperationsPrefix + "Reconciliation.Fixed.No", "Waiting for a person", "بانتظار موظف"),
        new(OperationsPrefix + "Reconciliation.RunNow", "Reconcile now", "طابِق الآن"),

        new(OperationsPrefix + "Figures", "Figures per store", "الأرقام لكل متجر"),
        new(OperationsPrefix + "Figures.Today", "Today", "اليوم"),
        new(OperationsPrefix + "Figures.ThisWeek", "This week (since Monday)", "هذا الأسبوع (منذ يوم الاثنين)"),
        new(OperationsPrefix + "Figures.None", "No payment links and no refunds.", "لا توجد روابط دفع ولا مبالغ مستردة."),
        new(OperationsPrefix + "Figures.LinksSent", "Links sent", "الروابط المرسلة"),
        new(OperationsPrefix + "Figures.Paid", "Paid", "المدفوعة"),
        new(OperationsPrefix + "Figures.Conversion", "Conversion", "نسبة التحويل"),
        new(OperationsPrefix + "Figures.MedianTimeToPay", "Median time from link to payment", "الوقت الوسيط من الرابط إلى الدفع"),
        new(OperationsPrefix + "Figures.Refunds", "Refunds", "المبالغ المستردة"),
        new(OperationsPrefix + "Figures.Duration", "{0} min {1} s", "{0} دقيقة {1} ثانية"),

        new(OperationsPrefix + "Search.Store", "Store", "المتجر"),
        new(OperationsPrefix + "Search.Store.Hint", "Only the sessions of this store.", "جلسات هذا المتجر فقط."),
        new(OperationsPrefix + "Search.State", "State", "الحالة"),
        new(OperationsPrefix + "Search.State.Hint", "Only the sessions in this state.", "الجلسات في هذه الحالة فقط."),
        new(OperationsPrefix + "Search.CreatedFrom", "Created from", "تاريخ الإنشاء من"),
        new(OperationsPrefix + "Search.CreatedFrom.Hint", "Sessions created on or after this day.", "الجلسات المنشأة في هذا اليوم أو بعده."),
        new(OperationsPrefix + "Search.CreatedTo", "Created to", "تاريخ الإنشاء إلى"),
        new(OperationsPrefix + "Search.CreatedTo.Hint", "Sessions created on or before this day.", "الجلسات المنشأة في هذا اليوم أو قبله."),
        new(OperationsPrefix + "Search.Text", "Order number or Tamara order ID", "رقم الطلب أو رقم طلب تمارا"),
        new(OperationsPrefix + "Search.Text.Hint", "The exact order number (or order ID) or Tamara order ID.", "رقم الطلب (أو معرّفه) أو رقم طلب تمارا كما هو تماماً."),

        new(OperationsPrefix + "Selected", "Selected orders:", "الطلبات المحددة:"),
        new(OperationsPrefix + "NothingSelected", "Select at least one row first.", "حدد صفاً واحداً على الأقل أولاً."),
        new(OperationsPrefix + "Bulk.Done", "done.", "تم."),
        new(OperationsPrefix + "Bulk.Refused", "not done:", "لم يُنفَّذ:"),

        new(OperationsPrefix + "Column.OrderNumber", "Order #", "رقم الطلب"),
        new(OperationsPrefix + "Column.Store", "Store", "المتجر"),
        new(OperationsPrefix + "Column.CreatedOn", "Created on", "تاريخ الإنشاء"),
        new(OperationsPrefix + "Column.Phone", "Customer phone", "هاتف العميل"),
        new(OperationsPrefix + "Column.Clerk", "Clerk", "الموظف"),
        new(OperationsPrefix + "Column.Till", "Till", "نقطة البيع"),
        new(OperationsPrefix + "Column.Amount", "Amount", "المبلغ"),
        new(OperationsPrefix + "Column.Currency", "Currency", "العملة"),
        new(OperationsPrefix + "Column.TamaraOrderId", "Tamara order ID", "رقم طلب تمارا"),
        new(OperationsPrefix + "Column.TamaraStatus", "Tamara status", "حالة تمارا"),
        new(OperationsPrefix + "Column.State", "State", "الحالة"),
        new(OperationsPrefix + "Column.PaidOn", "Paid on", "تاريخ الدفع"),
        new(OperationsPrefix + "Column.TimeLeftOrPaid", "Time left / paid on", "الوقت المتبقي / تاريخ الدفع"),
        new(OperationsPrefix + "Column.Captured", "Captured", "المبلغ المحصّل"),
        new(OperationsPrefix + "Column.Refunded", "Refunded", "المبلغ المسترد"),
        new(OperationsPrefix + "Column.LastError", "Last error", "آخر خطأ"),
        new(OperationsPrefix + "Column.Actions", "Actions", "الإجراءات"),

        new(OperationsPrefix + "State.Pending", "Pending", "بانتظار الدفع"),
        new(OperationsPrefix + "State.NeedsAttention", "Needs attention", "بحاجة إلى مراجعة"),
        new(OperationsPrefix + "State.Paid", "Paid", "مدفوع"),
        new(OperationsPrefix + "State.PartlyRefunded", "Partly refunded", "مسترد جزئياً"),
        new(OperationsPrefix + "State.FullyRefunded", "Fully refunded", "مسترد بالكامل"),
        new(OperationsPrefix + "State.Declined", "Declined", "مرفوض"),
        new(OperationsPrefix + "State.Expired", "Expired", "منتهي الصلاحية"),
        new(OperationsPrefix + "State.Canceled", "Canceled", "ملغى")
    ];
}
