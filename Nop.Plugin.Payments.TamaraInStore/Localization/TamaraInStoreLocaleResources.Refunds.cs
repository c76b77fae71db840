namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    /// <summary>Resource keys of the refund messages</summary>
    public static class RefundKeys
    {
        private const string Prefix = "Plugins.Payments.TamaraInStore.Refunds.";

        public const string InvalidAmount = Prefix + "InvalidAmount";
        public const string NoPaidSession = Prefix + "NoPaidSession";
        public const string OrderBusy = Prefix + "OrderBusy";
        public const string ReadOrderFailed = Prefix + "ReadOrderFailed";
        public const string CurrencyMismatch = Prefix + "CurrencyMismatch";
        public const string ExceedsRefundable = Prefix + "ExceedsRefundable";
        public const string Refused = Prefix + "Refused";
        public const string NotSent = Prefix + "NotSent";
        public const string NotConfirmed = Prefix + "NotConfirmed";
        public const string EarlierNotConfirmed = Prefix + "EarlierNotConfirmed";
        public const string InProgress = Prefix + "InProgress";
        public const string MadeByAnotherClick = Prefix + "MadeByAnotherClick";
        public const string RefundedMeanwhile = Prefix + "RefundedMeanwhile";
        public const string EarlierWentThrough = Prefix + "EarlierWentThrough";
        public const string FoundAtTamara = Prefix + "FoundAtTamara";
        public const string CaptureNotNeeded = Prefix + "CaptureNotNeeded";
        public const string VoidNotPossible = Prefix + "VoidNotPossible";
        public const string NoteRefunded = Prefix + "Note.Refunded";
        public const string NoteConfirmed = Prefix + "Note.Confirmed";
        public const string NoteMadeAtTamara = Prefix + "Note.MadeAtTamara";
        public const string NoteMadeAtTamaraWithoutId = Prefix + "Note.MadeAtTamaraWithoutId";
        public const string NoteNotCounted = Prefix + "Note.NotCounted";
        public const string NoteNeverArrived = Prefix + "Note.NeverArrived";
        public const string NoteRepeatedClick = Prefix + "Note.RepeatedClick";
        public const string RepeatedClick = Prefix + "RepeatedClick";
        public const string NotNeedingAttention = Prefix + "NotNeedingAttention";
        public const string CaptureRefunded = Prefix + "CaptureRefunded";
        public const string NoteCaptureRefunded = Prefix + "Note.CaptureRefunded";
    }

    private static IEnumerable<LocaleResource> Refunds =>
    [
        new(RefundKeys.InvalidAmount,
            "The amount to refund must be greater than zero.",
            "يجب أن يكون مبلغ الاسترداد أكبر من صفر."),
        new(RefundKeys.NoPaidSession,
            "This order has no paid Tamara payment to refund.",
            "لا توجد لهذا الطلب دفعة مدفوعة عبر تمارا يمكن استردادها."),
        new(RefundKeys.OrderBusy,
            "The Tamara order is being updated right now. Nothing was refunded; try again in a moment.",
            "يجري تحديث طلب تمارا الآن. لم يُسترد أي مبلغ؛ حاول مرة أخرى بعد لحظات."),
        new(RefundKeys.ReadOrderFailed,
            "Could not read the order from Tamara ({0}). Nothing was refunded.",
            "تعذّرت قراءة الطلب من تمارا ({0}). لم يُسترد أي مبلغ."),
        new(RefundKeys.CurrencyMismatch,
            "Tamara holds this order in {0}, but the refund would be in {1}. Nothing was refunded.",
            "تحتفظ تمارا بهذا الطلب بعملة {0}، بينما سيكون الاسترداد بعملة {1}. لم يُسترد أي مبلغ."),
        new(RefundKeys.ExceedsRefundable,
            "Tamara can refund at most {0} for this order, but {1} was requested. Nothing was refunded.",
            "يمكن لتمارا استرداد {0} كحد أقصى لهذا الطلب، بينما طُلب استرداد {1}. لم يُسترد أي مبلغ."),
        new(RefundKeys.Refused,
            "Tamara refused the refund: {0}",
            "رفضت تمارا الاسترداد: {0}"),
        new(RefundKeys.NotSent,
            "Nothing was refunded: the refund did not reach Tamara ({0}). Try again later.",
            "لم يُسترد أي مبلغ: لم يصل طلب الاسترداد إلى تمارا ({0}). حاول مرة أخرى لاحقًا."),
        new(RefundKeys.NotConfirmed,
            "Tamara's answer to this refund was lost, and the refund was not sent again. As soon as Tamara shows it (by its notification or when the order is checked), it is recorded in the order by itself. Clicking the same refund again is safe: it asks Tamara first and completes this refund without sending a second one; only if Tamara still has no record of it after {0} minutes, and is not processing it, is it sent anew.",
            "فُقد رد تمارا على هذا الاسترداد، ولم يُرسل الاسترداد مرة أخرى. بمجرد أن تُظهره تمارا (عبر إشعارها أو عند التحقق من الطلب) يُسجَّل في الطلب تلقائياً. النقر على الاسترداد نفسه مرة أخرى آمن: يسأل تمارا أولاً ويُكمل هذا الاسترداد دون إرسال استرداد ثانٍ؛ ولا يُرسل من جديد إلا إذا لم يكن لدى تمارا أي سجل له بعد {0} دقيقة ولم تكن تعالجه."),
        new(RefundKeys.EarlierNotConfirmed,
            "An earlier refund of {0} is not confirmed by Tamara yet (Tamara may still be processing it); nothing was sent. Try again later: once Tamara shows it, the same click completes it without a second refund; only if Tamara has no record of it after {1} minutes, and is not processing it, is a new refund sent.",
            "لم تؤكد تمارا بعدُ استرداداً سابقاً بمبلغ {0} (قد تكون تمارا ما زالت تعالجه)؛ لم يُرسل أي شيء. حاول لاحقاً: بمجرد أن تُظهره تمارا يُكمله النقر نفسه دون استرداد ثانٍ؛ ولا يُرسل استرداد جديد إلا إذا لم يكن لدى تمارا أي سجل له بعد {1} دقيقة ولم تكن تعالجه."),
        new(RefundKeys.InProgress,
            "Another refund of this order is in progress. Nothing was refunded; try again in a minute.",
            "هناك استرداد آخر لهذا الطلب قيد التنفيذ. لم يُسترد أي مبلغ؛ حاول مرة أخرى بعد دقيقة."),
        new(RefundKeys.MadeByAnotherClick,
            "The same refund of {0} was just made by another click (Tamara refund {1}); it was not sent again. Refresh the order and check the amount before refunding again.",
            "نُفِّذ الاسترداد نفسه بمبلغ {0} للتوّ بنقرة أخرى (استرداد تمارا {1})؛ ولم يُرسل مرة أخرى. حدّث صفحة الطلب وتحقق من المبلغ قبل الاسترداد مرة أخرى."),
        new(RefundKeys.RefundedMeanwhile,
            "Another refund of this order ({0}, Tamara refund {1}) was made after this page was opened; this one was not sent. Refresh the order and check the amount before refunding again.",
            "أُجري استرداد آخر لهذا الطلب ({0}، استرداد تمارا {1}) بعد فتح هذه الصفحة؛ ولم يُرسل هذا الاسترداد. حدّث صفحة الطلب وتحقق من المبلغ قبل الاسترداد مرة أخرى."),
        new(RefundKeys.EarlierWentThrough,
            "The earlier refund of {0} went through at Tamara and is now recorded in the order. No new refund was made; refresh the order and check the amount before refunding again.",
            "تم تنفيذ الاسترداد السابق بمبلغ {0} لدى تمارا وسُجّل الآن في الطلب. لم يُنفَّذ استرداد جديد؛ حدّث صفحة الطلب وتحقق من المبلغ قبل الاسترداد مرة أخرى."),
        new(RefundKeys.FoundAtTamara,
            "A refund of {0} made at Tamara was found and is now recorded in the order. No new refund was made; refresh the order and check the amount before refunding again.",
            "تم العثور على استرداد بمبلغ {0} أُجري لدى تمارا وسُجّل الآن في الطلب. لم يُنفَّذ استرداد جديد؛ حدّث صفحة الطلب وتحقق من المبلغ قبل الاسترداد مرة أخرى."),
        new(RefundKeys.CaptureNotNeeded,
            "Tamara captures in-store orders by itself when the customer pays; there is nothing to capture.",
            "تقوم تمارا بتحصيل طلبات المتجر تلقائياً عند دفع العميل؛ لا يوجد ما يُحصَّل."),
        new(RefundKeys.VoidNotPossible,
            "A paid Tamara in-store payment cannot be voided; refund it instead. An unpaid session is voided from the Tamara block on the order page.",
            "لا يمكن إلغاء دفعة تمارا المدفوعة في المتجر؛ استخدم الاسترداد بدلاً من ذلك. تُلغى الجلسة غير المدفوعة من قسم تمارا في صفحة الطلب."),
        new(RefundKeys.NoteRefunded,
            "Tamara refund {0}: {1} refunded (Tamara status: {2}).",
            "استرداد تمارا {0}: تم استرداد {1} (حالة تمارا: {2})."),
        new(RefundKeys.NoteConfirmed,
            "Tamara confirmed the earlier refund {0} of {1} whose answer had been lost.",
            "أكدت تمارا الاسترداد السابق {0} بمبلغ {1} الذي لم يصل رده."),
        new(RefundKeys.NoteMadeAtTamara,
            "Refund {0} of {1} made at Tamara.",
            "استرداد {0} بمبلغ {1} أُجري لدى تمارا."),
        new(RefundKeys.NoteMadeAtTamaraWithoutId,
            "A refund of {0} was made at Tamara (Tamara did not list it separately).",
            "أُجري استرداد بمبلغ {0} لدى تمارا (لم تذكره تمارا بشكل منفصل)."),
        new(RefundKeys.NoteNotCounted,
            "The refund of {0} could not be added to the order's refunded amount automatically (payment status: {1}). Record it by hand.",
            "تعذّرت إضافة الاسترداد بمبلغ {0} إلى المبلغ المسترد للطلب تلقائياً (حالة الدفع: {1}). سجّله يدوياً."),
        new(RefundKeys.NoteRepeatedClick,
            "Tamara refund {0} of {1} had already been made and recorded in the order (as an offline refund) after its answer was lost; the repeated click was told so and sent no other refund, and the order counts it once.",
            "كان استرداد تمارا {0} بمبلغ {1} قد نُفِّذ وسُجّل في الطلب (كاسترداد يدوي) بعد فقدان رده؛ أُبلغ النقر المتكرر بذلك ولم يُرسل استرداداً آخر، ويُحتسب في الطلب مرة واحدة."),
        new(RefundKeys.RepeatedClick,
            "This refund was already made: the refund of {0} (Tamara refund {1}) went through after its answer was lost and is already counted in the order. Nothing was sent again. Refresh the order; refund again only if more is to be given back.",
            "تم تنفيذ هذا الاسترداد مسبقاً: نُفِّذ الاسترداد بمبلغ {0} (استرداد تمارا {1}) بعد فقدان رده وهو محتسب في الطلب. لم يُرسل أي شيء مرة أخرى. حدّث صفحة الطلب، ولا تسترد مرة أخرى إلا إذا كان هناك مبلغ آخر يجب إعادته."),
        new(RefundKeys.NotNeedingAttention,
            "This Tamara payment no longer needs attention; nothing was done. Reload the page.",
            "لم تعد دفعة تمارا هذه بحاجة إلى مراجعة؛ لم يُنفَّذ أي إجراء. أعد تحميل الصفحة."),
        new(RefundKeys.CaptureRefunded,
            "Everything Tamara captured ({0}) is refunded to the customer at Tamara. The order's payment status was not changed.",
            "تم استرداد كل ما حصّلته تمارا ({0}) للعميل لدى تمارا. لم تتغير حالة الدفع للطلب."),
        new(RefundKeys.NoteCaptureRefunded,
            "Tamara: staff refunded the Tamara payment that needed attention (captured {0}) in full at Tamara; the Tamara session is closed and the order's payment status was not changed.",
            "تمارا: استرد الموظف دفعة تمارا التي كانت بحاجة إلى مراجعة (المبلغ المحصّل {0}) بالكامل لدى تمارا؛ أُغلقت جلسة تمارا ولم تتغير حالة الدفع للطلب."),
        new(RefundKeys.NoteNeverArrived,
            "Tamara has no record of the unconfirmed refund of {0} (reference {1}); it is marked as failed and nothing was refunded.",
            "لا يوجد لدى تمارا أي سجل للاسترداد غير المؤكد بمبلغ {0} (المرجع {1})؛ تم تعليمه كفاشل ولم يُسترد أي مبلغ.")
    ];
}
