using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds <see cref="TamaraSession.OrderReferenceId"/> and its index to a database created by an earlier version (a new
/// install gets them from <see cref="SchemaMigration"/>). Sessions written before have no reference: they were stored only
/// once Tamara had answered, with their Tamara order id. nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-08 02:00:00", "Payments.TamaraInStore session reference", MigrationProcessType.Update)]
public class SessionReferenceMigration : Migration
{
    public const string IndexName = "IX_TamaraSession_OrderReferenceId";

    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraSession)).Column(nameof(TamaraSession.OrderReferenceId)).Exists())
        {
            Alter.Table(nameof(TamaraSession))
                .AddColumn(nameof(TamaraSession.OrderReferenceId)).AsString(TamaraInStoreDefaults.OrderReferenceIdMaxLength).Nullable();
        }

        if (!Schema.Table(nameof(TamaraSession)).Index(IndexName).Exists())
            CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>A webhook for a Tamara order we hold no id of is matched by its order_reference_id</summary>
    public static void CreateIndex(MigrationBase migration) =>
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraSession))
            .OnColumn(nameof(TamaraSession.OrderReferenceId)).Ascending()
            .WithOptions().NonClustered();
}
