using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds <see cref="TamaraSession.StaffCustomerId"/> and <see cref="TamaraSession.Till"/> (who created each session, and
/// where) to a database created by an earlier version; a new install gets them from <see cref="SchemaMigration"/>
/// </summary>
[NopMigration("2026-12-08 02:10:00", "Payments.TamaraInStore session staff member and till", MigrationProcessType.Update)]
public class SessionStaffAndTillMigration : Migration
{
    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraSession)).Column(nameof(TamaraSession.StaffCustomerId)).Exists())
            Alter.Table(nameof(TamaraSession)).AddColumn(nameof(TamaraSession.StaffCustomerId)).AsInt32().Nullable();

        if (!Schema.Table(nameof(TamaraSession)).Column(nameof(TamaraSession.Till)).Exists())
            Alter.Table(nameof(TamaraSession)).AddColumn(nameof(TamaraSession.Till)).AsString(TamaraInStoreDefaults.DeviceIdMaxLength).Nullable();
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }
}
