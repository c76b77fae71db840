using Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Conventions;

/// <summary>"Is this a Tamara order" is written once (the staff policy asks it); no other file compares payment methods</summary>
[TestFixture]
public class TamaraOrderRuleConventionTests
{
    [Test]
    public void Only_one_file_compares_an_order_s_payment_method_with_the_plugin()
    {
        var comparing = Directory.EnumerateFiles(RepositoryPaths.PluginProject, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(file => File.ReadAllText(file).Contains(".PaymentMethodSystemName", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryPaths.PluginProject, file).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.That(comparing, Is.EqualTo(new[] { "Services/TamaraOrders.cs" }));
    }
}
