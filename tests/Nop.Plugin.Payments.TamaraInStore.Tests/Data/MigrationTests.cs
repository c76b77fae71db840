using System.Reflection;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Data;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Data;

public class MigrationTests
{
    private static NopMigrationAttribute Of<T>() => typeof(T).GetCustomAttribute<NopMigrationAttribute>();

    [Test]
    public void TheRefundColumnIsAddedWhenAnInstalledPluginIsUpdatedAfterTheBaseSchema()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<RefundCountedOfflineMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the column from the base schema; only an update must add it");
            Assert.That(Of<RefundCountedOfflineMigration>().Version, Is.GreaterThan(Of<SchemaMigration>().Version));
        });
    }

    [Test]
    public void TheSessionChannelColumnsAreAddedWhenAnInstalledPluginIsUpdated()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<SessionChannelMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update));
            Assert.That(Of<SessionChannelMigration>().Version, Is.GreaterThan(Of<PhoneLinkLimitIndexMigration>().Version),
                "after every earlier migration, so a database at version 1.01 gets it");
        });
    }

    [Test]
    public void ASessionWithoutAChannelIsAnSmsSession()
    {
        // the column's default for every row written before the update
        Assert.That(new Nop.Plugin.Payments.TamaraInStore.Domain.TamaraSession().Channel, Is.EqualTo(Nop.Plugin.Payments.TamaraInStore.Domain.TamaraSessionChannel.Sms));
    }

    [Test]
    public void TheReconciliationTableIsAddedWhenAnInstalledPluginIsUpdatedAfterTheBaseSchema()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<ReconciliationRunTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(Of<ReconciliationRunTableMigration>().Version, Is.GreaterThan(Of<RefundCountedOfflineMigration>().Version));
        });
    }

    [Test]
    public void TheRefundClaimTableIsAddedWhenAnInstalledPluginIsUpdatedAfterEveryEarlierMigration()
    {
        var earlier = new[] { Of<SchemaMigration>(), Of<RefundCountedOfflineMigration>(), Of<PhoneLinkLimitIndexMigration>(),
            Of<SessionChannelMigration>(), Of<ReconciliationRunTableMigration>() };
        Assert.Multiple(() =>
        {
            Assert.That(Of<RefundClaimTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(earlier.Select(migration => migration.Version), Has.All.LessThan(Of<RefundClaimTableMigration>().Version),
                "so a database at version 1.02 gets it");
        });
    }
}
