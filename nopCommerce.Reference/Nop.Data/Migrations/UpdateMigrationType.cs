namespace Nop.Data.Migrations;

public enum UpdateMigrationType
{
    Data = 5,
    Localization = 10,
    Settings = 15
}
