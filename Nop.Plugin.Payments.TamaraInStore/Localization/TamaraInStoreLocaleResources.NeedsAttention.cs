namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string AcceptPrefix = OrderBlockPrefix + "Accept.";

    /// <summary>The two ways out of "needs attention" on the order page</summary>
    private static IEnumerable<LocaleResource> NeedsAttention =>
    [
        new(OrderBlockPrefix + "State.Refunded", "Refunded at Tamara by staff", "استردها الموظف لدى تمارا"),

        new(OrderBlockPrefix + "AcceptCapture", "Accept Tamara's payment", "قبول دفعة تمارا"),
        new(OrderBlockPrefix + "AcceptCapture.Confirm",
            "Accept what Tamara captured as this order's payment and mark the order as paid? The difference to the order total is written to the order notes.",
            "هل تريد قبول ما حصّلته تمارا كدفعة لهذا الطلب وتعليم الطلب كمدفوع؟ يُكتب الفرق عن إجمالي الطلب في ملاحظات الطلب."),
        new(OrderBlockPrefix + "RefundCapture", "Refund Tamara's payment", "استرداد دفعة تمارا"),
        new(OrderBlockPrefix + "RefundCapture.Confirm",
            "Refund everything Tamara captured for this order to the customer at Tamara? The order's payment status is not changed.",
            "هل تريد استرداد كل ما حصّلته تمارا لهذا الطلب للعميل لدى تمارا؟ لن تتغير حالة الدفع للطلب."),

        new(AcceptPrefix + "Done", "Tamara's payment was accepted: the order was marked as paid.", "تم قبول دفعة تمارا: تم تعليم الطلب كمدفوع."),
        new(AcceptPrefix + "Busy", "The Tamara order is being updated right now. Nothing was changed; try again in a moment.",
            "يجري تحديث طلب تمارا الآن. لم يتغير شيء؛ حاول مرة أخرى بعد لحظات."),
        new(AcceptPrefix + "NotNeedingAttention", "This Tamara payment no longer needs attention; nothing was done. Reload the page.",
            "لم تعد دفعة تمارا هذه بحاجة إلى مراجعة؛ لم يُنفَّذ أي إجراء. أعد تحميل الصفحة."),
        new(AcceptPrefix + "ReadFailed", "Could not read the order from Tamara ({0}). Nothing was changed.",
            "تعذّرت قراءة الطلب من تمارا ({0}). لم يتغير شيء."),
        new(AcceptPrefix + "NothingCaptured", "Tamara holds no captured money for this order (status: {0}); there is nothing to accept.",
            "لا تحتفظ تمارا بأي مبلغ محصّل لهذا الطلب (الحالة: {0})؛ لا يوجد ما يُقبل."),
        new(AcceptPrefix + "CurrencyMismatch", "Tamara captured in {0}, but the order is in {1}; it cannot be accepted. Refund Tamara's payment instead.",
            "حصّلت تمارا بعملة {0} بينما الطلب بعملة {1}؛ لا يمكن قبولها. استرد دفعة تمارا بدلاً من ذلك."),
        new(AcceptPrefix + "OrderAlreadyPaid", "The order is already paid by other means; accepting Tamara's payment would take the money twice. Refund Tamara's payment instead.",
            "الطلب مدفوع مسبقاً بطريقة أخرى؛ قبول دفعة تمارا يعني تحصيل المبلغ مرتين. استرد دفعة تمارا بدلاً من ذلك."),
        new(AcceptPrefix + "ShortOfTotal",
            "Tamara holds {0}, {2} less than the order total of {1}; not accepted from a selection. Accept it on the order's page, where the difference is written to the order notes.",
            "تحتفظ تمارا بمبلغ {0}، أي أقل من إجمالي الطلب {1} بمقدار {2}؛ لم يُقبل ضمن تحديد جماعي. اقبله من صفحة الطلب حيث يُكتب الفرق في ملاحظات الطلب."),
        new(AcceptPrefix + "CannotMarkPaid", "The order is {0} / {1} and cannot be marked as paid. Reinstate it first, or refund Tamara's payment.",
            "الطلب في حالة {0} / {1} ولا يمكن تعليمه كمدفوع. أعد تفعيله أولاً أو استرد دفعة تمارا."),
        new(AcceptPrefix + "Note",
            "Tamara: staff accepted the {0} Tamara captured (capture {3}) as this order's payment; the order total is {1}, a difference of {2}. The order was marked as paid.",
            "تمارا: قبل الموظف مبلغ {0} الذي حصّلته تمارا (التحصيل {3}) كدفعة لهذا الطلب؛ إجمالي الطلب {1} بفارق {2}. تم تعليم الطلب كمدفوع.")
    ];
}
