namespace Nop.Core;

public static class NopVersion
{
    public const string CURRENT_VERSION = "4.90";
}
