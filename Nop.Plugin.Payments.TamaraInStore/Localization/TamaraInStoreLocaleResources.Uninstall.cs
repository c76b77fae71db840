namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string UninstallPrefix = "Plugins.Payments.TamaraInStore.Uninstall.";

    /// <summary>The order note written when the plugin is uninstalled and its tables are dropped</summary>
    private static IEnumerable<LocaleResource> Uninstall =>
    [
        new(UninstallPrefix + "Note",
            "Tamara: the Tamara in-store plugin was uninstalled and its records deleted; what it knew about this order follows.",
            "تمارا: أُزيلت إضافة تمارا في المتجر وحُذفت سجلاتها؛ فيما يلي ما كانت تعرفه عن هذا الطلب."),
        new(UninstallPrefix + "Session",
            "Tamara order {0}, checkout {1}: state {2}, Tamara status {3}, amount {4}, captured {5}, refunded {6}.",
            "طلب تمارا {0}، جلسة الدفع {1}: الحالة {2}، حالة تمارا {3}، المبلغ {4}، المحصّل {5}، المسترد {6}."),
        new(UninstallPrefix + "Refund",
            "Refund {0} (our reference {1}, capture {2}, Tamara order {3}): {4}, {5}, made in {6} on {7}.",
            "الاسترداد {0} (مرجعنا {1}، التحصيل {2}، طلب تمارا {3}): {4}، {5}، مصدره {6} بتاريخ {7}.")
    ];
}
