using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds <see cref="TamaraRefund.CountedOffline"/> to a database created by an earlier version (a new install gets it
/// from <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-01 12:00:00", "Payments.TamaraInStore refund counted offline", MigrationProcessType.Update)]
public class RefundCountedOfflineMigration : Migration
{
    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraRefund)).Column(nameof(TamaraRefund.CountedOffline)).Exists())
        {
            Alter.Table(nameof(TamaraRefund))
                .AddColumn(nameof(TamaraRefund.CountedOffline)).AsBoolean().NotNullable().WithDefaultValue(false);
        }
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }
}
