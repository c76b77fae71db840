using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the index of the payment-link limit per phone number to a database created by an earlier version (a new install
/// gets it from <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-01 12:30:00", "Payments.TamaraInStore payment links per phone index", MigrationProcessType.Update)]
public class PhoneLinkLimitIndexMigration : Migration
{
    public const string IndexName = "IX_TamaraSession_PhoneNumber_CreatedOnUtc";

    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraSession)).Index(IndexName).Exists())
        {
            Create.Index(IndexName)
                .OnTable(nameof(TamaraSession))
                .OnColumn(nameof(TamaraSession.PhoneNumber)).Ascending()
                .OnColumn(nameof(TamaraSession.CreatedOnUtc)).Ascending()
                .WithOptions().NonClustered();
        }
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }
}
