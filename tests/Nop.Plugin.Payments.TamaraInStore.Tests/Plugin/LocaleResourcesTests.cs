using System.Text.RegularExpressions;
using Nop.Plugin.Payments.TamaraInStore.Localization;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

public class LocaleResourcesTests
{
    private static readonly Regex _arabicLetters = new(@"\p{IsArabic}");

    [Test]
    public void Every_key_is_unique_and_prefixed()
    {
        var keys = TamaraInStoreLocaleResources.All.Select(resource => resource.Key).ToList();

        Assert.That(keys, Is.Unique);
        Assert.That(keys, Has.All.StartWith(TamaraInStoreDefaults.LocalePrefix));
    }

    [Test]
    public void Every_string_has_English_and_Arabic()
    {
        Assert.Multiple(() =>
        {
            foreach (var resource in TamaraInStoreLocaleResources.All)
            {
                Assert.That(resource.English, Is.Not.Empty, resource.Key);
                Assert.That(_arabicLetters.IsMatch(resource.Arabic ?? string.Empty), Is.True, $"{resource.Key} has no Arabic text");
            }
        });
    }

    [Test]
    public void Every_key_used_in_code_or_views_is_defined()
    {
        var defined = TamaraInStoreLocaleResources.All.Select(resource => resource.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keyPattern = new Regex(@"""(Plugins\.Payments\.TamaraInStore\.[A-Za-z0-9_.]+)""");
        var sources = Directory.EnumerateFiles(RepositoryPaths.PluginProject, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs") || path.EndsWith(".cshtml"))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !path.Contains($"{Path.DirectorySeparatorChar}Localization{Path.DirectorySeparatorChar}"));

        var missing = sources
            .SelectMany(path => keyPattern.Matches(File.ReadAllText(path)).Select(match => (File: Path.GetFileName(path), Key: match.Groups[1].Value)))
            // keys built by string concatenation end with a dot, e.g. "...Status." + state
            .Where(use => !use.Key.EndsWith('.') && !defined.Contains(use.Key))
            .Select(use => $"{use.Key} ({use.File})")
            .Distinct()
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void English_and_Arabic_sets_have_the_same_keys()
    {
        Assert.That(TamaraInStoreLocaleResources.Arabic().Keys, Is.EquivalentTo(TamaraInStoreLocaleResources.English().Keys));
    }
}
