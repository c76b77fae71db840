using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the <see cref="TamaraOrderNote"/> table to a database created by an earlier version (a new install gets it from
/// <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-08 02:40:00", "Payments.TamaraInStore order notes of the plugin", MigrationProcessType.Update)]
public class OrderNoteMarkTableMigration : Migration
{
    public const string IndexName = "IX_TamaraOrderNote_OrderId";

    public override void Up()
    {
        if (Schema.Table(nameof(TamaraOrderNote)).Exists())
            return;

        Create.TableFor<TamaraOrderNote>();
        CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>The card reads an order's notes by order</summary>
    public static void CreateIndex(MigrationBase migration) =>
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraOrderNote))
            .OnColumn(nameof(TamaraOrderNote.OrderId)).Ascending()
            .WithOptions().NonClustered();
}
