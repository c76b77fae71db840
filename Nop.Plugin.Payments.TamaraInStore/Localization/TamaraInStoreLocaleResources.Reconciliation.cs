namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string ReconciliationPrefix = "Plugins.Payments.TamaraInStore.Reconciliation.";

    private static IEnumerable<LocaleResource> Reconciliation =>
    [
        .. Verdict("CapturedButNotPaid",
            "Tamara took the customer's payment, but the order is not marked as paid.",
            "Nothing to do: the order is marked as paid automatically, with a note.",
            "استلمت تمارا دفعة العميل، لكن الطلب غير معلَّم كمدفوع.",
            "لا حاجة لأي إجراء: يُعلَّم الطلب كمدفوع تلقائيًا مع ملاحظة."),
        .. Verdict("RefundedAtTamaraNotInStore",
            "Tamara refunded more than the order shows: a refund was made in Tamara's partner portal.",
            "Nothing to do: the refund is recorded in the order automatically, with a note.",
            "استردّت تمارا مبلغًا أكبر مما يظهر في الطلب: نُفِّذ استرداد من بوابة شركاء تمارا.",
            "لا حاجة لأي إجراء: يُسجَّل الاسترداد في الطلب تلقائيًا مع ملاحظة."),
        .. Verdict("RefundedInStoreNotAtTamara",
            "The order shows more refunded than Tamara refunded: the customer may not have received that money.",
            "Check the refund in Tamara's partner portal; refund the difference there, or correct the order.",
            "يظهر في الطلب مبلغ مسترد أكبر مما استردّته تمارا: قد لا يكون العميل استلم هذا المبلغ.",
            "راجع الاسترداد في بوابة شركاء تمارا؛ استرد الفرق من هناك أو صحّح الطلب."),
        .. Verdict("CancelledButCaptured",
            "The order is cancelled, but Tamara took the customer's payment.",
            "Refund the customer in Tamara's partner portal, or reinstate the order and mark it as paid.",
            "الطلب ملغى، لكن تمارا استلمت دفعة العميل.",
            "استرد المبلغ للعميل من بوابة شركاء تمارا، أو أعد تفعيل الطلب وعلّمه كمدفوع."),
        .. Verdict("PaidButNotCaptured",
            "The order is marked as paid, but Tamara has not taken the payment (declined, expired, cancelled or still waiting).",
            "Do not hand over the goods on this payment: ask the customer to pay again, or set the order back to pending.",
            "الطلب معلَّم كمدفوع، لكن تمارا لم تستلم الدفعة (مرفوضة أو منتهية أو ملغاة أو ما زالت قيد الانتظار).",
            "لا تسلّم البضاعة بناءً على هذه الدفعة: اطلب من العميل الدفع مجددًا، أو أعد الطلب إلى حالة الانتظار."),
        .. Verdict("AmountMismatch",
            "Tamara took an amount other than the order total.",
            "Open the order: accept Tamara's payment or refund it (buttons in the Tamara block), or settle the difference by hand.",
            "استلمت تمارا مبلغًا يختلف عن إجمالي الطلب.",
            "افتح الطلب: اقبل دفعة تمارا أو استردها (الأزرار في قسم تمارا)، أو سوِّ الفرق يدويًا."),
        .. Verdict("CapturedWithoutOrder",
            "Tamara took a payment for which there is no order in the store (deleted, or never placed).",
            "Refund the customer in Tamara's partner portal, or place the order by hand.",
            "استلمت تمارا دفعة لا يوجد لها طلب في المتجر (محذوف أو لم يُنشأ).",
            "استرد المبلغ للعميل من بوابة شركاء تمارا، أو أنشئ الطلب يدويًا."),
        .. Verdict("UnknownAtTamara",
            "Tamara does not know this payment's Tamara order.",
            "Check the Tamara account and store settings (API token, sandbox or live); ask Tamara's support if they are right.",
            "لا تعرف تمارا طلب تمارا الخاص بهذه الدفعة.",
            "تحقق من حساب تمارا وإعدادات المتجر (رمز الواجهة البرمجية، بيئة الاختبار أو الفعلية)؛ واسأل دعم تمارا إن كانت صحيحة."),

        new(ReconciliationPrefix + "Note.Fixed.CapturedButNotPaid",
            "Tamara reconciliation: Tamara had captured the payment but the order was not paid (its notification was missed); the order was marked as paid. {0}",
            "مطابقة تمارا: كانت تمارا قد استلمت الدفعة لكن الطلب لم يكن مدفوعًا (فات إشعارها)؛ عُلِّم الطلب كمدفوع. {0}"),
        new(ReconciliationPrefix + "Note.Fixed.RefundedAtTamaraNotInStore",
            "Tamara reconciliation: Tamara showed a refund the order did not (made in Tamara's partner portal, its notification missed); it was recorded in the order. {0}",
            "مطابقة تمارا: أظهرت تمارا استردادًا لم يظهر في الطلب (من بوابة شركاء تمارا، وفات إشعاره)؛ سُجِّل في الطلب. {0}"),

        new(ReconciliationPrefix + "Problem.NoApiToken", "The store has no Tamara API token.", "لا يوجد رمز واجهة برمجية لتمارا لهذا المتجر."),
        new(ReconciliationPrefix + "Problem.TamaraAskedToWait",
            "Tamara asked to wait {0} s (too many requests or unavailable), longer than the rest of the run's {1}-minute time budget: {2} of {3} payments were compared. The next run compares the rest.",
            "طلبت تمارا الانتظار {0} ثانية (طلبات كثيرة أو الخدمة غير متاحة)، وهذا أطول مما تبقى من مهلة التشغيل البالغة {1} دقيقة: قورنت {2} من {3} دفعة. يقارن التشغيل التالي الباقي."),
        new(ReconciliationPrefix + "Problem.OutOfTime",
            "The run's {0}-minute time budget ran out: {1} of {2} payments were compared. The next run compares the rest.",
            "انتهت مهلة التشغيل البالغة {0} دقيقة: قورنت {1} من {2} دفعة. يقارن التشغيل التالي الباقي."),
        new(ReconciliationPrefix + "Problem.NotRead",
            "{0} payments could not be read from Tamara (for example: {1}).",
            "تعذرت قراءة {0} دفعة من تمارا (مثلًا: {1})."),

        new(ReconciliationPrefix + "Log.NoSessions", "Tamara reconciliation: no payments in the last {0} days", "مطابقة تمارا: لا توجد دفعات في آخر {0} يوم"),
        new(ReconciliationPrefix + "Log.AllAgree", "Tamara reconciliation: {0} sessions, all agree", "مطابقة تمارا: {0} دفعة، كلها متطابقة"),
        new(ReconciliationPrefix + "Log.Disagreements", "Tamara reconciliation: {0} sessions, {1} disagreements, {2} fixed",
            "مطابقة تمارا: {0} دفعة، {1} اختلاف، صُحِّح منها {2}"),
        new(ReconciliationPrefix + "Log.Incomplete", "(incomplete: {0})", "(غير مكتملة: {0})"),

        new("Plugins.Payments.TamaraInStore.Configuration.Errors.ReconciliationDaysRange", "Enter between {0} and {1} days.", "أدخل قيمة بين {0} و{1} يومًا."),
        .. Field("ReconciliationDays", "Reconciliation period (days)",
            "Every day the payments of the last this many days are compared with Tamara, for all stores (1 to 90).",
            "مدة المطابقة (بالأيام)", "تُقارَن يوميًا مع تمارا دفعات هذا العدد من الأيام الأخيرة، لكل المتاجر (من 1 إلى 90).")
    ];

    /// <summary>What is wrong and what fixes it, for a store manager</summary>
    private static IEnumerable<LocaleResource> Verdict(string verdict, string english, string englishAction, string arabic, string arabicAction) =>
    [
        new($"{ReconciliationPrefix}Verdict.{verdict}", english, arabic),
        new($"{ReconciliationPrefix}Action.{verdict}", englishAction, arabicAction)
    ];
}
