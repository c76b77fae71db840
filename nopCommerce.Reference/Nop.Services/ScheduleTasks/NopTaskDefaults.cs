namespace Nop.Services.ScheduleTasks;

public static partial class NopTaskDefaults
{
    public static string ScheduleTaskPath => "scheduletask/runtask";
}
