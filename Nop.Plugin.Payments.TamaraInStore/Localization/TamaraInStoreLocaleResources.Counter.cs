namespace Nop.Plugin.Payments.TamaraInStore.Localization;

public static partial class TamaraInStoreLocaleResources
{
    private const string CounterPrefix = "Plugins.Payments.TamaraInStore.CounterSale.";

    /// <summary>Sales → Tamara counter</summary>
    private static IEnumerable<LocaleResource> Counter =>
    [
        new(CounterPrefix + "Menu", "Tamara counter", "كاونتر تمارا"),
        new(CounterPrefix + "Title", "Tamara counter", "كاونتر تمارا"),
        new(CounterPrefix + "Permission", "Sell with Tamara at the counter", "البيع عبر تمارا في الكاونتر"),
        new(CounterPrefix + "Role", "Tamara counter staff", "موظفو كاونتر تمارا"),
        new(CounterPrefix + "Open", "Open the Tamara counter", "افتح كاونتر تمارا"),
        new(CounterPrefix + "Handover", "Handed over at the counter", "سُلّمت في الكاونتر"),

        new(CounterPrefix + "Search", "Scan or type a SKU, barcode, part number or name, then Enter", "امسح أو اكتب رمز المنتج أو الباركود أو رقم القطعة أو الاسم ثم اضغط Enter"),
        new(CounterPrefix + "Add", "Add", "أضف"),
        new(CounterPrefix + "NotFound", "Nothing this store sells matches \"{0}\". Nothing was added.", "لا يوجد منتج يبيعه هذا المتجر يطابق \"{0}\". لم تتم إضافة شيء."),
        new(CounterPrefix + "Choose", "Several products match; choose one:", "تطابق عدة منتجات؛ اختر واحدًا:"),
        new(CounterPrefix + "Added", "Added: {0}", "تمت الإضافة: {0}"),
        new(CounterPrefix + "LineGone", "This line is no longer in the cart.", "هذا البند لم يعد في السلة."),
        new(CounterPrefix + "EmptyCart", "The cart is empty: scan an item first.", "السلة فارغة: امسح منتجًا أولًا."),
        new(CounterPrefix + "PageOutdated", "This page is out of date: it was reloaded, check the cart and send again.", "هذه الصفحة قديمة: أُعيد تحميلها، راجع السلة ثم أرسل مرة أخرى."),
        new(CounterPrefix + "NoTotal", "nopCommerce could not calculate the order total.", "تعذّر على nopCommerce حساب إجمالي الطلب."),

        new(CounterPrefix + "Item", "Item", "المنتج"),
        new(CounterPrefix + "Sku", "SKU", "رمز المنتج"),
        new(CounterPrefix + "Quantity", "Quantity", "الكمية"),
        new(CounterPrefix + "UnitPrice", "Price", "السعر"),
        new(CounterPrefix + "LineTotal", "Total", "الإجمالي"),
        new(CounterPrefix + "Remove", "Remove", "إزالة"),
        new(CounterPrefix + "Clear", "Clear", "إفراغ"),
        new(CounterPrefix + "SubTotal", "Subtotal", "المجموع الفرعي"),
        new(CounterPrefix + "Discount", "Discount", "الخصم"),
        new(CounterPrefix + "Tax", "Tax", "الضريبة"),
        new(CounterPrefix + "Total", "Order total", "إجمالي الطلب"),

        new(CounterPrefix + "Customer", "Customer", "العميل"),
        new(CounterPrefix + "Phone", "Mobile number", "رقم الجوال"),
        new(CounterPrefix + "Name", "Name (optional)", "الاسم (اختياري)"),
        new(CounterPrefix + "Email", "E-mail (optional, the link's backup)", "البريد الإلكتروني (اختياري، نسخة احتياطية للرابط)"),
        new(CounterPrefix + "Till", "Till", "نقطة البيع"),
        new(CounterPrefix + "DeviceId", "POS device id", "معرّف جهاز نقطة البيع"),
        new(CounterPrefix + "SendSms", "Send by SMS", "أرسل برسالة نصية"),
        new(CounterPrefix + "ShowQr", "Show QR", "اعرض رمز QR"),

        new(CounterPrefix + "PreCheck.Offered", "Tamara offers this customer:", "تعرض تمارا على هذا العميل:"),
        new(CounterPrefix + "PreCheck.Refused", "Tamara offers this customer no plan for this amount. Nothing was sent.", "لا تعرض تمارا على هذا العميل أي خطة لهذا المبلغ. لم يُرسل شيء."),
        new(CounterPrefix + "PreCheck.Skipped", "Tamara's check of the plans was skipped (no answer in time); the link was sent as usual.", "تم تخطي فحص تمارا للخطط (لم يصل رد في الوقت المحدد)؛ أُرسل الرابط كالمعتاد."),
        new(CounterPrefix + "NewCustomer", "New customer created: {0}", "تم إنشاء عميل جديد: {0}"),
        new(CounterPrefix + "ExistingCustomer", "Customer: {0} {1}", "العميل: {0} {1}"),
        new(CounterPrefix + "Sent", "Order {0}: the payment link was sent.", "الطلب {0}: أُرسل رابط الدفع."),
        new(CounterPrefix + "AlreadySent", "This sale was already sent as order {0}.", "أُرسلت عملية البيع هذه من قبل كالطلب {0}."),
        new(CounterPrefix + "Status", "Status", "الحالة"),
        new(CounterPrefix + "PrintSlip", "Print slip", "اطبع الإيصال"),
        new(CounterPrefix + "NextCustomer", "Next customer", "العميل التالي"),
        new(CounterPrefix + "SendNewLink", "Send new link", "أرسل رابطًا جديدًا"),
        new(CounterPrefix + "CancelSale", "Cancel sale", "ألغِ عملية البيع"),
        new(CounterPrefix + "OpenOrder", "Open the order", "افتح الطلب"),

        new(CounterPrefix + "Tab.Sale", "Sale", "البيع"),
        new(CounterPrefix + "Tab.Returns", "Returns", "المرتجعات"),
        new(CounterPrefix + "Returns.Search", "Phone, order number, the slip's code or Tamara order id", "الجوال أو رقم الطلب أو رمز الإيصال أو رقم طلب تمارا"),
        new(CounterPrefix + "Returns.Find", "Find", "ابحث"),
        new(CounterPrefix + "Returns.None", "No Tamara sale matches.", "لا توجد عملية بيع عبر تمارا مطابقة."),
        new(CounterPrefix + "Returns.OpenToRefund", "Open to refund", "افتح للاسترداد"),

        new(CounterPrefix + "Slip.Title", "Tamara sale", "عملية بيع عبر تمارا"),
        new(CounterPrefix + "Slip.Store", "Store", "المتجر"),
        new(CounterPrefix + "Slip.StoreCode", "Store code", "رمز المتجر"),
        new(CounterPrefix + "Slip.Date", "Date", "التاريخ"),
        new(CounterPrefix + "Slip.Order", "Order", "الطلب"),
        new(CounterPrefix + "Slip.TamaraOrder", "Tamara order", "طلب تمارا"),
        new(CounterPrefix + "Slip.Plan", "Plan", "الخطة"),
        new(CounterPrefix + "Slip.Clerk", "Clerk", "الموظف"),
        new(CounterPrefix + "Slip.Print", "Print", "اطبع"),
    ];
}
