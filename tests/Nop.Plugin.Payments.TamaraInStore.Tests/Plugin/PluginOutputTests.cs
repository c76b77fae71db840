namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

/// <summary>
/// The plugin folder must hold the plugin and what the host lacks, and nothing the host already has
/// </summary>
public class PluginOutputTests
{
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
    public void Holds_no_library_the_host_ships(string hostAssembly)
    {
        Assert.That(OutputFiles().Select(Path.GetFileName), Does.Not.Contain(hostAssembly));
    }

    [TestCase("Microsoft.IdentityModel.JsonWebTokens.dll")]
    [TestCase("PhoneNumbers.dll")]
    [TestCase("QRCoder.dll")]
    public void Brings_the_libraries_the_host_lacks(string library)
    {
        Assert.That(OutputFiles(), Does.Contain(library));
    }
}
