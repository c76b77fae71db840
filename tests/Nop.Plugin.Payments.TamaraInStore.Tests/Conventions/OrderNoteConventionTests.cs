using System.Text.RegularExpressions;
using Moq;
using Nop.Core;
using Nop.Plugin.Payments.TamaraInStore.Factories;
using Nop.Plugin.Payments.TamaraInStore.Localization;
using Nop.Plugin.Payments.TamaraInStore.Services.Checkout;
using Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;
using Nop.Plugin.Payments.TamaraInStore.Tests.Sync;
using Nop.Services.Helpers;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Conventions;

/// <summary>
/// Every order note of the plugin goes through one writer, which records it as the plugin's, and the order card's
/// timeline shows each of them in any language
/// </summary>
[TestFixture]
public class OrderNoteConventionTests
{
    /// <summary>The resources that are order notes: "...Note", "...Note.X" and "...Notes.X"</summary>
    private static readonly Regex NoteKey = new(@"\.(Note|Notes)(\.|$)", RegexOptions.Compiled);

    private static IEnumerable<string> NoteKeys() => TamaraInStoreLocaleResources.English().Keys.Where(key => NoteKey.IsMatch(key)).Order();

    [Test]
    public void No_code_but_the_note_writer_inserts_order_notes()
    {
        var inserting = Directory.EnumerateFiles(RepositoryPaths.PluginProject, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(file => File.ReadAllText(file).Contains("InsertOrderNoteAsync", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryPaths.PluginProject, file).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.That(inserting, Is.EqualTo(new[] { "Services/TamaraOrderNoteWriter.cs" }));
    }

    [Test]
    public void The_plugin_has_note_kinds_in_both_languages()
    {
        var arabic = TamaraInStoreLocaleResources.Arabic();

        Assert.That(NoteKeys().Count(), Is.GreaterThanOrEqualTo(15), "the checkout's, the refunds', needs attention's, reconciliation's and uninstall's notes");
        Assert.That(NoteKeys().Where(key => string.IsNullOrWhiteSpace(arabic[key])), Is.Empty);
    }

    [TestCase("en")]
    [TestCase("ar")]
    public async Task Every_note_kind_the_plugin_writes_shows_on_the_order_card(string language)
    {
        var resources = language == "ar" ? TamaraInStoreLocaleResources.Arabic() : TamaraInStoreLocaleResources.English();
        var harness = new SyncHarness();
        var (order, _) = harness.AddPendingOrder();
        var written = NoteKeys().Select(key => resources[key]).ToList();
        // the order sync's own notes are written in English
        written.Add("Tamara: the payment link was voided (by staff).");
        foreach (var text in written)
            await harness.NoteWriter.AddAsync(order, text);

        var dates = new Mock<IDateTimeHelper>();
        dates.Setup(helper => helper.ConvertToUserTimeAsync(It.IsAny<DateTime>(), It.IsAny<DateTimeKind>())).ReturnsAsync((DateTime value, DateTimeKind _) => value);
        var card = await new TamaraOrderBlockModelFactory(dates.Object, harness.English.Object, new QrCodeService(), harness.NoteWriter, harness.SessionService,
            TamaraInStoreOrderControllerTests.NewPolicy(new Mock<IWorkContext>().Object), harness.Time).PrepareOrderBlockModelAsync(order);

        Assert.That(card.Timeline.Select(item => item.Text), Is.EquivalentTo(written));
    }

    [Test]
    public async Task A_note_staff_wrote_themselves_is_not_on_the_tamara_card()
    {
        var harness = new SyncHarness();
        var (order, _) = harness.AddPendingOrder();
        await harness.Orders.OrderService.InsertOrderNoteAsync(new Nop.Core.Domain.Orders.OrderNote { OrderId = order.Id, Note = "Customer paid cash at the till" });
        await harness.NoteWriter.AddAsync(order, "تم إنشاء رابط دفع تمارا");

        var notes = await harness.NoteWriter.GetNotesAsync(order.Id);

        Assert.That(notes.Select(note => note.Note), Is.EqualTo(new[] { "تم إنشاء رابط دفع تمارا" }));
    }
}
