using FluentMigrator;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Data.Migrations;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// Points the poll task that an earlier version stored at its class's current name (a new install stores it already).
/// nopCommerce finds a task's class by the full name in <see cref="ScheduleTask.Type"/>, so the old name would no longer
/// run. Update migrations run at start-up before the task scheduler reads its tasks.
/// </summary>
[NopMigration("2026-12-08 02:05:00", "Payments.TamaraInStore poll task in Services.Sync", MigrationProcessType.Update)]
public class PollTaskTypeMigration : Migration
{
    public const string EarlierType = "Nop.Plugin.Payments.TamaraInStore.Services.TamaraPendingSessionsTask";

    public override void Up()
    {
        Update.Table(nameof(ScheduleTask))
            .Set(new { Type = TamaraInStoreDefaults.ScheduleTask.Type })
            .Where(new { Type = EarlierType });
    }

    public override void Down()
    {
        // the task is deleted when the plugin is uninstalled
    }
}
