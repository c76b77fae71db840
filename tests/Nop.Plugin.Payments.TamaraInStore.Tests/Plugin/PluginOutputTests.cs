namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

/// <summary>
/// The plugin folder must hold the plugin and what the host lacks, and nothing the host already has
/// </summary>
public class PluginOutputTests
{
    /// <summary>The third-party libraries nopCommerce 4.90 does not ship (compare its Presentation/Nop.Web/bin)</summary>
    private static readonly string[] _librariesTheHostLacks = ["PhoneNumbers.dll", "QRCoder.dll"];

    private static readonly string[] _pluginFiles =
    [
        "Nop.Plugin.Payments.TamaraInStore.dll", "Nop.Plugin.Payments.TamaraInStore.pdb", "Nop.Plugin.Payments.TamaraInStore.deps.json",
        "plugin.json", "logo.png"
    ];

    private static IEnumerable<string> OutputFiles()
    {
        Assume.That(Directory.Exists(RepositoryPaths.PluginOutput), $"the plugin was not built into {RepositoryPaths.PluginOutput}");
        return Directory.EnumerateFiles(RepositoryPaths.PluginOutput, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.PluginOutput, path).Replace('\\', '/'));
    }

    [Test]
    public void Holds_the_descriptor_logo_assembly_and_views()
    {
        var files = OutputFiles().ToList();

        Assert.That(files, Does.Contain("plugin.json"));
        Assert.That(files, Does.Contain("logo.png"));
        Assert.That(files, Does.Contain("Nop.Plugin.Payments.TamaraInStore.dll"));
        Assert.That(files, Does.Contain("Views/_ViewImports.cshtml"));
    }

    [Test]
    public void Holds_only_the_plugin_its_views_and_the_libraries_the_host_lacks()
    {
        var unexpected = OutputFiles()
            .Where(file => !_pluginFiles.Contains(file) && !_librariesTheHostLacks.Contains(file))
            .Where(file => !(file.StartsWith("Views/") && file.EndsWith(".cshtml")) && !file.StartsWith("Content/"))
            .ToList();

        Assert.That(unexpected, Is.Empty);
    }

    [Test]
    public void Holds_no_nopCommerce_assembly_but_its_own()
    {
        var nopAssemblies = OutputFiles()
            .Where(file => Path.GetFileName(file).StartsWith("Nop.", StringComparison.OrdinalIgnoreCase) && file.EndsWith(".dll"))
            .ToList();

        Assert.That(nopAssemblies, Is.EqualTo(new[] { "Nop.Plugin.Payments.TamaraInStore.dll" }));
    }

    [TestCase("Newtonsoft.Json.dll")]
    [TestCase("FluentMigrator.dll")]
    [TestCase("FluentMigrator.Abstractions.dll")]
    [TestCase("FluentValidation.dll")]
    [TestCase("Microsoft.AspNetCore.Mvc.Core.dll")]
    [TestCase("Microsoft.IdentityModel.Abstractions.dll")]
    [TestCase("Microsoft.IdentityModel.JsonWebTokens.dll")]
    [TestCase("Microsoft.IdentityModel.Logging.dll")]
    [TestCase("Microsoft.IdentityModel.Tokens.dll")]
    [TestCase("System.Drawing.Common.dll")]
    [TestCase("Microsoft.Win32.SystemEvents.dll")]
    public void Holds_no_library_the_host_ships(string hostAssembly)
    {
        Assert.That(OutputFiles().Select(Path.GetFileName), Does.Not.Contain(hostAssembly));
    }

    [Test]
    public void Holds_no_platform_specific_runtimes()
    {
        Assert.That(OutputFiles().Where(file => file.StartsWith("runtimes/")), Is.Empty);
    }

    [TestCaseSource(nameof(_librariesTheHostLacks))]
    public void Brings_the_libraries_the_host_lacks(string library)
    {
        Assert.That(OutputFiles(), Does.Contain(library));
    }
}
