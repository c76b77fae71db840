using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Adds <see cref="TamaraSession.ChannelId"/> (every earlier session was an SMS one, hence the default) and
/// <see cref="TamaraSession.DeviceId"/> to a database created by an earlier version (a new install gets them from
/// <see cref="SchemaMigration"/>). nopCommerce runs it when the plugin's version in plugin.json changes.
/// </summary>
[NopMigration("2026-12-01 15:30:00", "Payments.TamaraInStore session channel and device", MigrationProcessType.Update)]
public class SessionChannelMigration : Migration
{
    public override void Up()
    {
        if (!Schema.Table(nameof(TamaraSession)).Column(nameof(TamaraSession.ChannelId)).Exists())
        {
            Alter.Table(nameof(TamaraSession))
                .AddColumn(nameof(TamaraSession.ChannelId)).AsInt32().NotNullable().WithDefaultValue((int)TamaraSessionChannel.Sms);
        }

        if (!Schema.Table(nameof(TamaraSession)).Column(nameof(TamaraSession.DeviceId)).Exists())
        {
            Alter.Table(nameof(TamaraSession))
                .AddColumn(nameof(TamaraSession.DeviceId)).AsString(TamaraInStoreDefaults.DeviceIdMaxLength).Nullable();
        }
    }

    public override void Down()
    {
        // the table is dropped with the plugin's base schema
    }
}
