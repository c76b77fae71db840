using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Turns the payment claims of a database created by an earlier version from one row per session (deleted by the payment)
/// into one row per paid order (inserted by the payment, unique per order); a new install gets them from
/// <see cref="SchemaMigration"/>. The rows of the earlier kind are rights not yet taken and are dropped: an order paid
/// before the update is told by its session being Paid.
/// </summary>
[NopMigration("2026-12-08 02:50:00", "Payments.TamaraInStore payment claim per order", MigrationProcessType.Update)]
public class OrderPaymentClaimMigration : Migration
{
    public const string IndexName = "IX_TamaraPaymentClaim_OrderId";

    public override void Up()
    {
        if (Schema.Table(nameof(TamaraPaymentClaim)).Column(nameof(TamaraPaymentClaim.OrderId)).Exists())
            return;

        Delete.FromTable(nameof(TamaraPaymentClaim)).AllRows();
        Alter.Table(nameof(TamaraPaymentClaim))
            .AddColumn(nameof(TamaraPaymentClaim.OrderId)).AsInt32().NotNullable().WithDefaultValue(0)
            .AddColumn(nameof(TamaraPaymentClaim.CreatedOnUtc)).AsDateTime2().NotNullable().WithDefaultValue(new DateTime(2000, 1, 1));
        CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>The unique index that lets exactly one session mark an order as paid</summary>
    public static void CreateIndex(MigrationBase migration) =>
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraPaymentClaim))
            .OnColumn(nameof(TamaraPaymentClaim.OrderId)).Ascending()
            .WithOptions().Unique();
}
