namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string OrderBlockPrefix = "Plugins.Payments.TamaraInStore.OrderBlock.";

    private static IEnumerable<LocaleResource> OrderSync =>
    [
        new(OrderBlockPrefix + "Title", "Tamara in-store payment", "دفع تمارا في المتجر"),
        new(OrderBlockPrefix + "NoSession", "No Tamara session is recorded for this order.", "لا توجد جلسة تمارا مسجلة لهذا الطلب."),
        new(OrderBlockPrefix + "TamaraOrderId", "Tamara order ID", "رقم طلب تمارا"),
        new(OrderBlockPrefix + "CheckoutId", "Checkout ID", "رقم جلسة الدفع"),
        new(OrderBlockPrefix + "State", "State", "الحالة"),
        new(OrderBlockPrefix + "TamaraStatus", "Tamara status", "حالة تمارا"),
        new(OrderBlockPrefix + "ExpiresOn", "Link expires on", "ينتهي الرابط في"),
        new(OrderBlockPrefix + "TimeLeft", "Time left", "الوقت المتبقي"),
        new(OrderBlockPrefix + "TimeLeft.Format", "{0} min {1} s", "{0} دقيقة {1} ثانية"),
        new(OrderBlockPrefix + "TimeLeft.Over", "expired", "انتهت المدة"),
        new(OrderBlockPrefix + "Amount", "Amount", "المبلغ"),
        new(OrderBlockPrefix + "Captured", "Captured", "المبلغ المحصّل"),
        new(OrderBlockPrefix + "Refunded", "Refunded", "المبلغ المسترد"),
        new(OrderBlockPrefix + "LastCheckedOn", "Last checked", "آخر تحقق"),
        new(OrderBlockPrefix + "LastError", "Last error", "آخر خطأ"),
        new(OrderBlockPrefix + "Refunds", "Refunds", "المبالغ المستردة"),
        new(OrderBlockPrefix + "Refunds.RefundId", "Refund ID", "رقم الاسترداد"),
        new(OrderBlockPrefix + "Refunds.CaptureId", "Capture ID", "رقم التحصيل"),
        new(OrderBlockPrefix + "Refunds.Amount", "Amount", "المبلغ"),
        new(OrderBlockPrefix + "Refunds.CreatedOn", "Date", "التاريخ"),
        new(OrderBlockPrefix + "Refunds.Source", "Made in", "مصدر الاسترداد"),
        new(OrderBlockPrefix + "Refunds.State", "State", "الحالة"),
        new(OrderBlockPrefix + "Timeline", "Timeline", "السجل الزمني"),

        new(OrderBlockPrefix + "State.Pending", "Waiting for the customer to pay", "بانتظار دفع العميل"),
        new(OrderBlockPrefix + "State.Paid", "Paid", "مدفوع"),
        new(OrderBlockPrefix + "State.Declined", "Declined by Tamara", "رفضته تمارا"),
        new(OrderBlockPrefix + "State.Expired", "Link expired", "انتهت صلاحية الرابط"),
        new(OrderBlockPrefix + "State.Canceled", "Canceled", "ملغى"),
        new(OrderBlockPrefix + "State.NeedsAttention", "Needs attention: Tamara's payment does not match the order", "يحتاج إلى مراجعة: دفعة تمارا لا تطابق الطلب"),

        new(OrderBlockPrefix + "RefundSource.NopCommerce", "nopCommerce", "متجر nopCommerce"),
        new(OrderBlockPrefix + "RefundSource.Tamara", "Tamara", "تمارا"),
        new(OrderBlockPrefix + "RefundState.Requested", "Requested", "مطلوب"),
        new(OrderBlockPrefix + "RefundState.Succeeded", "Succeeded", "تم"),
        new(OrderBlockPrefix + "RefundState.Failed", "Failed", "فشل"),
        new(OrderBlockPrefix + "RefundState.Unknown", "Outcome unknown", "النتيجة غير معروفة"),

        new(OrderBlockPrefix + "CheckNow", "Check now", "تحقق الآن"),
        new(OrderBlockPrefix + "VoidSession", "Void session", "إلغاء الجلسة"),
        new(OrderBlockPrefix + "VoidSession.Confirm", "Void the customer's payment link? They will no longer be able to pay with it.",
            "هل تريد إلغاء رابط الدفع المرسل للعميل؟ لن يتمكن من الدفع به بعد ذلك."),
        new(OrderBlockPrefix + "SendNewLink", "Send a new link", "إرسال رابط جديد"),
        new(OrderBlockPrefix + "SendNewLink.Confirm", "Void the current payment link (if any) and text the customer a new one?",
            "هل تريد إلغاء رابط الدفع الحالي (إن وجد) وإرسال رابط جديد للعميل برسالة نصية؟"),

        new(OrderBlockPrefix + "Result.NoSession", "This order has no Tamara session.", "لا توجد جلسة تمارا لهذا الطلب."),
        new(OrderBlockPrefix + "Result.AccessDenied", "You are not allowed to do this.", "غير مسموح لك بتنفيذ هذا الإجراء."),
        new(OrderBlockPrefix + "Result.RequestFailed", "The request failed. Reload the page and try again.", "فشل الطلب. أعد تحميل الصفحة وحاول مرة أخرى."),

        new(OrderBlockPrefix + "Check.UnknownOrder", "Tamara order not found here.", "لم يتم العثور على طلب تمارا هنا."),
        new(OrderBlockPrefix + "Check.Busy", "Another check of this order is running. Try again in a moment.", "يجري تحقق آخر من هذا الطلب. حاول مرة أخرى بعد قليل."),
        new(OrderBlockPrefix + "Check.Waiting", "Not paid yet (Tamara status: {0}).", "لم يتم الدفع بعد (حالة تمارا: {0})."),
        new(OrderBlockPrefix + "Check.Paid", "The customer paid: the order was marked as paid.", "دفع العميل: تم تعليم الطلب كمدفوع."),
        new(OrderBlockPrefix + "Check.AlreadyPaid", "The order is already paid.", "الطلب مدفوع مسبقاً."),
        new(OrderBlockPrefix + "Check.NeedsAttention", "Tamara's payment does not match the order, or the order cannot take it. See the order notes.",
            "دفعة تمارا لا تطابق الطلب أو لا يمكن تطبيقها عليه. راجع ملاحظات الطلب."),
        new(OrderBlockPrefix + "Check.Closed", "The Tamara session is closed (Tamara status: {0}).", "جلسة تمارا مغلقة (حالة تمارا: {0})."),
        new(OrderBlockPrefix + "Check.TamaraUnavailable", "Tamara could not be reached. Try again shortly. ({1})", "تعذر الاتصال بتمارا. حاول مرة أخرى بعد قليل. ({1})"),
        new(OrderBlockPrefix + "Check.Failed", "Checking with Tamara failed: {1}", "فشل التحقق لدى تمارا: {1}"),

        new(OrderBlockPrefix + "Void.Voided", "The payment link was voided.", "تم إلغاء رابط الدفع."),
        new(OrderBlockPrefix + "Void.NotPending", "The session is no longer waiting for payment; there is nothing to void.", "الجلسة لم تعد بانتظار الدفع؛ لا يوجد ما يُلغى."),
        new(OrderBlockPrefix + "Void.NotNew", "Tamara no longer reports this order as new (status: {0}), so the link cannot be voided.",
            "لم تعد تمارا تعرض هذا الطلب كجديد (الحالة: {0})، لذا لا يمكن إلغاء الرابط."),
        new(OrderBlockPrefix + "Void.Conflict", "Tamara refused to void the link: the customer is paying or has paid. Use \"Check now\".",
            "رفضت تمارا إلغاء الرابط: العميل يدفع الآن أو قد دفع. استخدم \"تحقق الآن\"."),
        new(OrderBlockPrefix + "Void.Busy", "Another check of this order is running. Try again in a moment.", "يجري تحقق آخر من هذا الطلب. حاول مرة أخرى بعد قليل."),
        new(OrderBlockPrefix + "Void.Failed", "Voiding the link failed: {1}", "فشل إلغاء الرابط: {1}"),

        new(OrderBlockPrefix + "DoublePayment",
            "Double payment: the customer also paid {0} with Tamara (Tamara order {1}) although this order was already paid by other means.",
            "دفع مزدوج: دفع العميل أيضًا {0} عبر تمارا (طلب تمارا {1}) مع أن هذا الطلب كان مدفوعًا بطريقة أخرى."),
        new(OrderBlockPrefix + "RefundDoublePayment", "Refund the Tamara payment", "استرداد دفعة تمارا"),
        new(OrderBlockPrefix + "RefundDoublePayment.Confirm",
            "Refund the whole Tamara payment to the customer? The order keeps its other payment.",
            "هل تريد استرداد دفعة تمارا كاملة للعميل؟ يحتفظ الطلب بدفعته الأخرى."),
        new(OrderBlockPrefix + "RefundDoublePayment.Done", "Tamara refunded {0} to the customer.", "استردت تمارا {0} للعميل."),
        new(OrderBlockPrefix + "RefundDoublePayment.Nothing", "There is no double payment left to refund.", "لا توجد دفعة مزدوجة متبقية للاسترداد."),
        new(OrderBlockPrefix + "RefundDoublePayment.Failed", "Tamara did not refund the payment: {0}. Check the order at Tamara before trying again.",
            "لم تسترد تمارا الدفعة: {0}. راجع الطلب لدى تمارا قبل المحاولة مرة أخرى."),
        new(OrderBlockPrefix + "NewLink.Sent", "A new payment link was sent to the customer.", "تم إرسال رابط دفع جديد للعميل."),
        new(OrderBlockPrefix + "NewLink.NotAllowed", "A new link can only be sent for an unpaid order that is not cancelled.", "لا يمكن إرسال رابط جديد إلا لطلب غير مدفوع وغير ملغى."),
        new(OrderBlockPrefix + "NewLink.Failed", "Creating the new payment link failed: {0}", "فشل إنشاء رابط الدفع الجديد: {0}")
    ];
}
