using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// One row per Tamara refund id: of two servers that both record a refund made at Tamara, the database lets one insert it
/// and the other finds it booked (see <see cref="Services.TamaraSessionService.TryInsertRefundAsync"/>). Added to a
/// database created by an earlier version; a new install gets it from <see cref="SchemaMigration"/>.
/// </summary>
[NopMigration("2026-12-08 02:50:02", "Payments.TamaraInStore unique Tamara refund id", MigrationProcessType.Update)]
public class RefundIdUniqueIndexMigration : Migration
{
    public const string IndexName = "IX_TamaraRefund_RefundId";

    /// <summary>SQL Server's filtered unique index</summary>
    public const string SqlServerStatement =
        $"CREATE UNIQUE NONCLUSTERED INDEX [{IndexName}] ON [{nameof(TamaraRefund)}] ([{nameof(TamaraRefund.RefundId)}]) " +
        $"WHERE [{nameof(TamaraRefund.RefundId)}] IS NOT NULL";

    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraRefund)).Index(IndexName).Exists())
            CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>
    /// A refund whose outcome is unknown has no id yet (NULL): PostgreSQL and MySQL let a unique index hold many NULLs,
    /// SQL Server only with a filter
    /// </summary>
    public static void CreateIndex(MigrationBase migration)
    {
        migration.IfDatabase("sqlserver").Execute.Sql(SqlServerStatement);
        migration.IfDatabase("postgres", "postgresql", "mysql").Create.Index(IndexName)
            .OnTable(nameof(TamaraRefund))
            .OnColumn(nameof(TamaraRefund.RefundId)).Ascending()
            .WithOptions().Unique();
    }
}
