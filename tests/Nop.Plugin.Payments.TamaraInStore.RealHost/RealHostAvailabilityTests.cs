using Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost;

/// <summary>The one line `dotnet test` shows for this suite on a machine without the real host</summary>
[TestFixture]
public class RealHostAvailabilityTests
{
    [Test(Description = RealHostInfo.HowToRun)]
    public void Real_host_suite__needs_shared_nophost_up_sh_then_inside_sh_dotnet_test()
    {
        if (RealHostFixtureAttribute.HostReachable)
            return;

        if (RealHostInfo.Required)
            Assert.Fail("NOPHOST_REQUIRED=1 but the real host is not reachable from this network namespace.");

        Assert.Ignore(RealHostInfo.SkipMessage);
    }
}
