using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

public class PluginDescriptorTests
{
    private JObject _descriptor;

    [OneTimeSetUp]
    public void LoadDescriptor() =>
        _descriptor = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.PluginProject, "plugin.json")));

    [Test]
    public void Supports_nopCommerce_4_90()
    {
        Assert.That(_descriptor["SupportedVersions"]!.Values<string>(), Does.Contain("4.90"));
    }

    [Test]
    public void Names_the_plugin_as_the_code_does()
    {
        Assert.Multiple(() =>
        {
            Assert.That((string)_descriptor["SystemName"], Is.EqualTo(TamaraInStoreDefaults.SystemName));
            Assert.That((string)_descriptor["Group"], Is.EqualTo("Payment methods"));
            Assert.That((string)_descriptor["FileName"], Is.EqualTo(typeof(TamaraInStorePaymentMethod).Assembly.GetName().Name + ".dll"));
        });
    }

    [Test]
    public void The_view_folder_matches_the_system_name()
    {
        Assert.That(TamaraInStoreDefaults.ViewPath("Configure.cshtml"),
            Is.EqualTo($"~/Plugins/{TamaraInStoreDefaults.SystemName}/Views/Configure.cshtml"));
    }
}
