using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the <see cref="TamaraReconciliationMark"/> table and its index to a database created by an earlier version (a new
/// install gets them from <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-08 02:30:00", "Payments.TamaraInStore reconciliation marks", MigrationProcessType.Update)]
public class ReconciliationMarkTableMigration : Migration
{
    public const string IndexName = "IX_TamaraReconciliationMark_SessionId";

    public override void Up()
    {
        if (Schema.Table(nameof(TamaraReconciliationMark)).Exists())
            return;

        Create.TableFor<TamaraReconciliationMark>();
        CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>One mark per session: a run reads the marks of the window's sessions by id</summary>
    public static void CreateIndex(MigrationBase migration) =>
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraReconciliationMark))
            .OnColumn(nameof(TamaraReconciliationMark.SessionId)).Ascending()
            .WithOptions().Unique();
}
