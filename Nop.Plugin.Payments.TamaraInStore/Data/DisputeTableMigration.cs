using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the <see cref="TamaraDispute"/> and <see cref="TamaraStoreHealth"/> tables to a database created by an earlier version (a new install gets it from
/// <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-08 02:20:00", "Payments.TamaraInStore disputes and store health", MigrationProcessType.Update)]
public class DisputeTableMigration : Migration
{
    public const string IndexName = "IX_TamaraDispute_DisputeId";

    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraStoreHealth)).Exists())
            Create.TableFor<TamaraStoreHealth>();

        if (Schema.Table(nameof(TamaraDispute)).Exists())
            return;

        Create.TableFor<TamaraDispute>();
        CreateIndexes(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>One row per Tamara dispute, however many deliveries announce it; the order card reads by order</summary>
    public static void CreateIndexes(MigrationBase migration)
    {
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraDispute))
            .OnColumn(nameof(TamaraDispute.DisputeId)).Ascending()
            .WithOptions().Unique();

        migration.Create.Index("IX_TamaraDispute_OrderId")
            .OnTable(nameof(TamaraDispute))
            .OnColumn(nameof(TamaraDispute.OrderId)).Ascending()
            .WithOptions().NonClustered();
    }
}
