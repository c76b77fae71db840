using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds the <see cref="TamaraPhoneLinkSlot"/> table and its unique index to a database created by an earlier version (a new
/// install gets them from <see cref="SchemaMigration"/>)
/// </summary>
[NopMigration("2026-12-08 02:50:03", "Payments.TamaraInStore payment link slots per phone", MigrationProcessType.Update)]
public class PhoneLinkSlotTableMigration : Migration
{
    public const string IndexName = "IX_TamaraPhoneLinkSlot_PhoneNumber_Slot";

    public override void Up()
    {
        if (Schema.Table(nameof(TamaraPhoneLinkSlot)).Exists())
            return;

        Create.TableFor<TamaraPhoneLinkSlot>();
        CreateIndex(this);
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }

    /// <summary>The unique index that gives each slot to one checkout</summary>
    public static void CreateIndex(MigrationBase migration) =>
        migration.Create.Index(IndexName)
            .OnTable(nameof(TamaraPhoneLinkSlot))
            .OnColumn(nameof(TamaraPhoneLinkSlot.PhoneNumber)).Ascending()
            .OnColumn(nameof(TamaraPhoneLinkSlot.Slot)).Ascending()
            .WithOptions().Unique();
}
