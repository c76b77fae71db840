namespace AssemblyBindingCheck.Tests;

/// <summary>
/// A "plugin" compiled against one version of Nop.Lib, checked against a "host" folder with another
/// </summary>
public class BindingCheckerTests
{
    private const string CompiledAgainst = """
        namespace Nop.Lib
        {
            public class Service
            {
                public int Count(int storeId) => 0;
                public int Removed() => 0;
                public int Changed(int value) => 0;
                public string Name;
            }
            public class Moved { public int Inherited() => 0; }
            public class Gone { }
            public class Forwarded { public int Value() => 0; }
        }
        """;

    private const string Plugin = """
        namespace Plugin
        {
            public class Uses
            {
                public object All(Nop.Lib.Service service, Nop.Lib.Moved moved, Nop.Lib.Forwarded forwarded) =>
                    service.Count(1) + moved.Inherited() + forwarded.Value() + service.Name.Length;
                public object Removed(Nop.Lib.Service service) => service.Removed();
                public object Changed(Nop.Lib.Service service) => service.Changed(1);
                public object Gone() => new Nop.Lib.Gone();
            }
        }
        """;

    private const string Host = """
        [assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(Nop.Lib.Forwarded))]
        namespace Nop.Lib
        {
            public class Service
            {
                public int Count(int storeId) => 0;
                public int Changed(long value) => 0;
                public string Name;
            }
            public class MovedBase { public int Inherited() => 0; }
            public class Moved : MovedBase { }
        }
        """;

    private const string HostForwardTarget = """
        namespace Nop.Lib { public class Forwarded { public int Value() => 0; } }
        """;

    private string _folder = null!;
    private BindingReport _report = null!;

    [OneTimeSetUp]
    public void CompileAndCheck()
    {
        _folder = Path.Combine(Path.GetTempPath(), "binding-check-" + Guid.NewGuid().ToString("N"));
        var compiledAgainst = Compiler.Compile(Path.Combine(_folder, "reference"), "Nop.Lib", CompiledAgainst);
        var plugin = Compiler.Compile(Path.Combine(_folder, "plugin"), "Plugin", Plugin, compiledAgainst);
        var hostFolder = Path.Combine(_folder, "host");
        var target = Compiler.Compile(hostFolder, "Nop.Lib.Forwards", HostForwardTarget);
        Compiler.Compile(hostFolder, "Nop.Lib", Host, target);

        _report = BindingChecker.Check(plugin, hostFolder, SharedFramework.Folders());
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Reports_a_method_the_host_does_not_have()
    {
        Assert.That(_report.Missing, Has.One.StartsWith("method Nop.Lib.Service::Removed "));
    }

    [Test]
    public void Reports_a_method_whose_signature_differs_in_the_host()
    {
        Assert.That(_report.Missing, Has.One.StartsWith("method Nop.Lib.Service::Changed instance System.Int32 <0>(System.Int32)"));
    }

    [Test]
    public void Reports_a_type_the_host_does_not_have_and_its_constructor()
    {
        Assert.That(_report.Missing, Has.One.EqualTo("type Nop.Lib.Gone [Nop.Lib]"));
        Assert.That(_report.Missing, Has.One.StartsWith("method Nop.Lib.Gone::.ctor "));
    }

    [Test]
    public void Finds_members_in_base_types_and_through_type_forwarders()
    {
        Assert.That(_report.Missing, Has.None.Contains("Inherited").And.None.Contains("Forwarded").And.None.Contains("Count"));
        Assert.That(_report.Missing, Has.None.Contains("Name"));
    }

    [Test]
    public void Checks_only_the_host_s_assemblies()
    {
        Assert.That(_report.Assemblies, Is.EqualTo(new[] { "Nop.Lib" }));
        Assert.That(_report.Missing, Has.Count.EqualTo(4));
    }
}
