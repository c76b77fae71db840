using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the <see cref="TamaraReconciliationRun"/> table to a database created by an earlier version (a new install gets it
/// from <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-01 16:00:00", "Payments.TamaraInStore reconciliation report", MigrationProcessType.Update)]
public class ReconciliationRunTableMigration : Migration
{
    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraReconciliationRun)).Exists())
            Create.TableFor<TamaraReconciliationRun>();
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }
}
