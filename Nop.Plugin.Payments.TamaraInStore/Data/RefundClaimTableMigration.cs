using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the <see cref="TamaraRefundClaim"/> table and its unique index to a database created by an earlier version (a new
/// install gets them from <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-02 09:00:00", "Payments.TamaraInStore refund claims", MigrationProcessType.Update)]
public class RefundClaimTableMigration : Migration
{
    public const string IndexName = "IX_TamaraRefundClaim_SessionId_Basis";

    public override void Up()
    {
        if (Schema.Table(nameof(TamaraRefundClaim)).Exists())
            return;

        Create.TableFor<TamaraRefundClaim>();
        CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>The unique index that decides between two clicks made from the same page</summary>
    public static void CreateIndex(MigrationBase migration) =>
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraRefundClaim))
            .OnColumn(nameof(TamaraRefundClaim.SessionId)).Ascending()
            .OnColumn(nameof(TamaraRefundClaim.Basis)).Ascending()
            .WithOptions().Unique();
}
