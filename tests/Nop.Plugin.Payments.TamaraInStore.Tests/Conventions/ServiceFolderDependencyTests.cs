using System.Text.RegularExpressions;
using Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Conventions;

/// <summary>
/// The capability folders under Services/ depend on each other one way only: Staff on top (it may use Sync, Checkout,
/// Refunds), Checkout and Reconciliation on Sync, Sync on Refunds, and Api on nothing else. A folder's dependencies are
/// the other folders its files name, in a using line or a qualified name.
/// </summary>
[TestFixture]
public class ServiceFolderDependencyTests
{
    private static readonly Regex FolderReference = new(@"\bNop\.Plugin\.Payments\.TamaraInStore\.Services\.(\w+)", RegexOptions.Compiled);

    [Test]
    public void No_two_service_folders_depend_on_each_other_in_a_cycle()
    {
        var cycles = Cycles(Dependencies(Path.Combine(RepositoryPaths.PluginProject, "Services")));

        Assert.That(cycles, Is.Empty, "folders of Services/ that depend on each other in a cycle");
    }

    [Test]
    public void Api_depends_on_no_other_service_folder()
    {
        var dependencies = Dependencies(Path.Combine(RepositoryPaths.PluginProject, "Services"));

        Assert.That(dependencies["Api"], Is.Empty);
    }

    [Test]
    public void Staff_sits_above_the_folders_it_uses()
    {
        var dependencies = Dependencies(Path.Combine(RepositoryPaths.PluginProject, "Services"));

        Assert.That(dependencies.Where(folder => folder.Value.Contains("Staff")).Select(folder => folder.Key), Is.Empty,
            "no service folder may use Staff");
    }

    [Test]
    public void A_cycle_is_found_and_named()
    {
        var dependencies = new Dictionary<string, ISet<string>>
        {
            ["Api"] = new HashSet<string>(),
            ["Checkout"] = new HashSet<string> { "Sync", "Api" },
            ["Refunds"] = new HashSet<string> { "Sync" },
            ["Sync"] = new HashSet<string> { "Refunds", "Checkout" }
        };

        Assert.That(Cycles(dependencies), Is.EqualTo(new[] { "Checkout -> Sync -> Checkout", "Refunds -> Sync -> Refunds" }));
    }

    /// <summary>For each folder of <paramref name="servicesFolder"/>, the other folders its source files name</summary>
    private static IDictionary<string, ISet<string>> Dependencies(string servicesFolder)
    {
        var folders = Directory.GetDirectories(servicesFolder).Select(Path.GetFileName).ToHashSet();
        var dependencies = new Dictionary<string, ISet<string>>();
        foreach (var folder in folders)
        {
            var used = new HashSet<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(servicesFolder, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match reference in FolderReference.Matches(File.ReadAllText(file)))
                {
                    var other = reference.Groups[1].Value;
                    if (other != folder && folders.Contains(other))
                        used.Add(other);
                }
            }

            dependencies[folder] = used;
        }

        return dependencies;
    }

    /// <summary>Each cycle once, as "A -> B -> A", starting at its alphabetically first folder</summary>
    private static IList<string> Cycles(IDictionary<string, ISet<string>> dependencies)
    {
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in dependencies.Keys)
            Walk(start, [start]);

        return cycles.ToList();

        void Walk(string current, List<string> path)
        {
            foreach (var next in dependencies.TryGetValue(current, out var used) ? used : new HashSet<string>())
            {
                if (next == path[0])
                {
                    if (path.All(folder => string.CompareOrdinal(path[0], folder) <= 0))
                        cycles.Add(string.Join(" -> ", path.Append(path[0])));
                }
                else if (!path.Contains(next))
                    Walk(next, [.. path, next]);
            }
        }
    }
}
