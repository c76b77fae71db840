using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// The indexes of what every page and checkout asks (sessions by order, by customer and by creation time; refunds by creation
/// time), added to a database created by an earlier version; a new install gets them from <see cref="SchemaMigration"/>
/// </summary>
[NopMigration("2026-12-08 02:50:01", "Payments.TamaraInStore query indexes", MigrationProcessType.Update)]
public class QueryIndexesMigration : Migration
{
    public static readonly (string Name, string Table, string Column)[] Indexes =
    {
        ("IX_TamaraSession_OrderId", nameof(TamaraSession), nameof(TamaraSession.OrderId)),
        ("IX_TamaraSession_CustomerId", nameof(TamaraSession), nameof(TamaraSession.CustomerId)),
        ("IX_TamaraSession_CreatedOnUtc", nameof(TamaraSession), nameof(TamaraSession.CreatedOnUtc)),
        ("IX_TamaraRefund_CreatedOnUtc", nameof(TamaraRefund), nameof(TamaraRefund.CreatedOnUtc))
    };

    public override void Up()
    {
        foreach (var (name, table, column) in Indexes)
        {
            if (!Schema.Table(table).Index(name).Exists())
                Create(this, name, table, column);
        }
    }

    public override void Down()
    {
        // the tables are dropped with the plugin's base schema
    }

    /// <summary>All of them, for a new install</summary>
    public static void CreateAll(MigrationBase migration)
    {
        foreach (var (name, table, column) in Indexes)
            Create(migration, name, table, column);
    }

    private static void Create(MigrationBase migration, string name, string table, string column) =>
        migration.Create.Index(name)
            .OnTable(table)
            .OnColumn(column).Ascending()
            .WithOptions().NonClustered();
}
