namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private static IEnumerable<LocaleResource> Configuration =>
    [
        new("Plugins.Payments.TamaraInStore.Configuration.Instructions",
            "Enter the tokens from Tamara's partner portal, test the connection, register the webhook, then activate the payment method. Choose a store above to set values for that store only.",
            "أدخل الرموز من بوابة شركاء تمارا، واختبر الاتصال، وسجّل عنوان الإشعارات، ثم فعّل طريقة الدفع. اختر متجرًا في الأعلى لضبط القيم لذلك المتجر فقط."),
        new("Plugins.Payments.TamaraInStore.Configuration.Credentials", "Tamara account", "حساب تمارا"),
        new("Plugins.Payments.TamaraInStore.Configuration.Checkout", "Order entry", "إدخال الطلبات"),
        new("Plugins.Payments.TamaraInStore.Configuration.Advanced", "Advanced", "إعدادات متقدمة"),
        new("Plugins.Payments.TamaraInStore.Configuration.SecretSet", "Saved ({0}). Leave blank to keep it.", "محفوظ ({0}). اتركه فارغًا للإبقاء عليه."),
        new("Plugins.Payments.TamaraInStore.Configuration.SecretNotSet", "Not set.", "غير مضبوط."),
        new("Plugins.Payments.TamaraInStore.Configuration.TestConnection", "Test connection", "اختبار الاتصال"),
        new("Plugins.Payments.TamaraInStore.Configuration.RegisterWebhook", "Register webhook", "تسجيل عنوان الإشعارات"),
        new("Plugins.Payments.TamaraInStore.Configuration.ApiTokenMissing", "Save the API token first.", "احفظ رمز الواجهة البرمجية أولًا."),
        new("Plugins.Payments.TamaraInStore.Configuration.ConnectionOk", "Tamara accepted the API token.", "قبلت تمارا رمز الواجهة البرمجية."),
        new("Plugins.Payments.TamaraInStore.Configuration.ConnectionFailed", "Tamara could not be reached or refused the token: {0}", "تعذر الوصول إلى تمارا أو رفضت الرمز: {0}"),
        new("Plugins.Payments.TamaraInStore.Configuration.WebhookRegistered", "Webhook {0} registered with Tamara (id {1}).", "سُجّل عنوان الإشعارات {0} لدى تمارا (المعرّف {1})."),
        new("Plugins.Payments.TamaraInStore.Configuration.WebhookFailed", "The webhook could not be registered: {0}", "تعذر تسجيل عنوان الإشعارات: {0}"),
        new("Plugins.Payments.TamaraInStore.Configuration.WebhookNotRegistered", "Not registered yet.", "لم يُسجّل بعد."),

        new("Plugins.Payments.TamaraInStore.Configuration.Errors.BaseUrlInvalid",
            "Enter a full https address, or leave it blank. Plain http is accepted only for this machine (localhost, 127.0.0.1, [::1]), e.g. the simulator.",
            "أدخل عنوان https كاملًا، أو اتركه فارغًا. لا يُقبل http إلا لهذا الجهاز (localhost أو 127.0.0.1 أو [::1])، مثل المحاكي."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.CountryInvalid", "Choose the country of the Tamara account.", "اختر بلد حساب تمارا."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.RequestTimeoutRange", "Enter between {0} and {1} seconds.", "أدخل قيمة بين {0} و{1} ثانية."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.PollIntervalRange", "Enter between {0} and {1} seconds.", "أدخل قيمة بين {0} و{1} ثانية."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.PollConcurrencyRange", "Enter between {0} and {1} checks.", "أدخل عددًا بين {0} و{1} عملية تحقق."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.MaxLinksPerPhoneRange", "Enter between {0} and {1} links.", "أدخل عددًا بين {0} و{1} رابطًا."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.LinksPerPhoneWindowRange", "Enter between {0} and {1} minutes.", "أدخل قيمة بين {0} و{1} دقيقة."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.SessionLifetimeRange", "Enter between {0} and {1} minutes.", "أدخل قيمة بين {0} و{1} دقيقة."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.OrderTotalRange", "Enter 0 (no limit) up to {0}.", "أدخل 0 (بلا حد) حتى {0}."),
        new("Plugins.Payments.TamaraInStore.Configuration.Errors.MaxBelowMin", "The highest order total must not be below the lowest.", "يجب ألا يقل الحد الأعلى لإجمالي الطلب عن الحد الأدنى."),

        .. Field("ApiToken", "API token", "The merchant API token from Tamara's partner portal. Never shown again once saved.",
            "رمز الواجهة البرمجية", "رمز التاجر من بوابة شركاء تمارا. لا يُعرض مرة أخرى بعد حفظه."),
        .. Field("NotificationToken", "Notification token", "Verifies that webhook calls come from Tamara. Never shown again once saved.",
            "رمز الإشعارات", "يتحقق من أن الإشعارات واردة من تمارا. لا يُعرض مرة أخرى بعد حفظه."),
        .. Field("StoreCode", "Store code", "Your branch code at Tamara, sent with every payment.",
            "رمز الفرع", "رمز فرعك لدى تمارا، يُرسل مع كل عملية دفع."),
        .. Field("DeviceId", "POS device id (QR checkout)",
            "The device id Tamara gave your till for QR checkout (X-Device-Id). When set, staff may show a QR code at the till instead of sending an SMS; a till can use its own id at the payment step. Leave blank to send links by SMS only.",
            "معرّف جهاز نقاط البيع (الدفع برمز QR)",
            "معرّف الجهاز الذي منحته تمارا لنقطة البيع للدفع برمز QR (X-Device-Id). عند ضبطه يمكن للموظفين عرض رمز QR عند نقطة البيع بدل إرسال رسالة نصية؛ ويمكن لكل نقطة بيع استخدام معرّفها في خطوة الدفع. اتركه فارغًا لإرسال الروابط برسائل نصية فقط."),
        .. Field("CountryCode", "Country", "Country of the Tamara account: decides the currency and the phone number format.",
            "البلد", "بلد حساب تمارا: يحدد العملة وصيغة رقم الجوال."),
        .. Field("UseSandbox", "Sandbox", "Use Tamara's test environment instead of the live one.",
            "بيئة الاختبار", "استخدم بيئة الاختبار لدى تمارا بدل البيئة الفعلية."),
        .. Field("ApiBaseUrlOverride", "API base URL override", "Another Tamara address, e.g. a simulator. Leave blank normally.",
            "عنوان بديل للواجهة البرمجية", "عنوان آخر لتمارا، مثل محاكٍ. اتركه فارغًا عادة."),
        .. Field("RequestTimeoutSeconds", "Request timeout (seconds)", "How long to wait for Tamara's answer.",
            "مهلة الطلب (بالثواني)", "مدة انتظار رد تمارا."),
        .. Field("PollIntervalSeconds", "Check interval (seconds)", "How often pending payments are checked with Tamara (5 to 300). A change applies without restarting.",
            "فترة التحقق (بالثواني)", "عدد مرات التحقق من المدفوعات المعلقة لدى تمارا (من 5 إلى 300). يسري التغيير دون إعادة التشغيل."),
        .. Field("PollConcurrency", "Checks at once", "How many pending payments are checked with Tamara at the same time (1 to 256). One check serves all stores and uses the highest value among them.",
            "عمليات التحقق المتزامنة", "عدد المدفوعات المعلقة التي يُتحقق منها لدى تمارا في الوقت نفسه (من 1 إلى 256). تخدم عملية التحقق جميع المتاجر وتستخدم أعلى قيمة بينها."),
        .. Field("SessionLifetimeMinutes", "Payment link lifetime (minutes)", "How long the payment link stays valid (5 to 1440; Tamara applies it only when enabled for your account).",
            "مدة صلاحية رابط الدفع (بالدقائق)", "مدة صلاحية رابط الدفع (من 5 إلى 1440؛ تطبقها تمارا فقط إذا فُعّلت لحسابك)."),
        .. Field("OfferOnlyToStaff", "Offer only at order entry by staff", "Show Tamara only while a staff member places an order for a customer.",
            "العرض عند إدخال الموظفين للطلب فقط", "إظهار تمارا فقط عندما يُدخل أحد الموظفين طلبًا نيابة عن العميل."),
        .. Field("CancelOrderWhenDeclinedOrExpired", "Cancel the order when declined or expired", "Cancel the order when Tamara declines the customer or the link expires.",
            "إلغاء الطلب عند الرفض أو انتهاء الصلاحية", "إلغاء الطلب إذا رفضت تمارا العميل أو انتهت صلاحية الرابط."),
        .. Field("UpdateOrderReferenceId", "Use the order number as Tamara's reference", "After the order is placed, change Tamara's order reference to the order number shown in reports.",
            "استخدام رقم الطلب مرجعًا لدى تمارا", "بعد إتمام الطلب، يُغيّر مرجع الطلب لدى تمارا إلى رقم الطلب الظاهر في التقارير."),
        .. Field("DebugLogging", "Debug logging", "Log Tamara requests and answers (personal data and tokens masked).",
            "سجل التصحيح", "تسجيل طلبات تمارا وردودها (مع إخفاء البيانات الشخصية والرموز)."),
        .. Field("MinOrderTotal", "Lowest order total", "Hide Tamara below this total, in the order currency (0 = no limit).",
            "أدنى إجمالي للطلب", "إخفاء تمارا إذا قل الإجمالي عن هذا المبلغ بعملة الطلب (0 = بلا حد)."),
        .. Field("MaxOrderTotal", "Highest order total", "Hide Tamara above this total, in the order currency (0 = no limit).",
            "أعلى إجمالي للطلب", "إخفاء تمارا إذا زاد الإجمالي عن هذا المبلغ بعملة الطلب (0 = بلا حد)."),
        .. Field("MaxLinksPerPhone", "Payment links per phone number", "At most this many payment links are sent to one mobile number within the period below, by anyone, staff included (1 to 100).",
            "روابط الدفع لكل رقم جوال", "لا يُرسل إلى رقم جوال واحد أكثر من هذا العدد من روابط الدفع خلال المدة أدناه، من أي شخص بما في ذلك الموظفون (من 1 إلى 100)."),
        .. Field("LinksPerPhoneWindowMinutes", "Period for the link limit (minutes)", "The period the limit of payment links per phone number counts over (1 to 1440).",
            "مدة حد الروابط (بالدقائق)", "المدة التي يُحتسب خلالها حد روابط الدفع لكل رقم جوال (من 1 إلى 1440)."),
        .. Field("WebhookId", "Registered webhook", "The id Tamara gave this store's webhook.",
            "عنوان الإشعارات المسجل", "المعرّف الذي منحته تمارا لعنوان إشعارات هذا المتجر.")
    ];

    /// <summary>A field label and its hint (nopCommerce shows "&lt;key&gt;.Hint" beside the label)</summary>
    private static IEnumerable<LocaleResource> Field(string name, string english, string englishHint, string arabic, string arabicHint) =>
    [
        new($"Plugins.Payments.TamaraInStore.Fields.{name}", english, arabic),
        new($"Plugins.Payments.TamaraInStore.Fields.{name}.Hint", englishHint, arabicHint)
    ];
}
