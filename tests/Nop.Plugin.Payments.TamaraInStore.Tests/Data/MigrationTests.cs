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
    public void TheReconciliationTableIsAddedWhenAnInstalledPluginIsUpdatedAfterTheBaseSchema()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<ReconciliationRunTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(Of<ReconciliationRunTableMigration>().Version, Is.GreaterThan(Of<RefundCountedOfflineMigration>().Version));
        });
    }
}
