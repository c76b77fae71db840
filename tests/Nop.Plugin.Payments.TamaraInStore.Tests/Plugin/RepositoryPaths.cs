namespace Nop.Plugin.Payments.TamaraInStore.Tests.Plugin;

/// <summary>
/// Finds files of the repository from the test's output folder
/// </summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TamaraInStore.sln")))
                directory = directory.Parent;

            return directory?.FullName ?? throw new DirectoryNotFoundException("TamaraInStore.sln was not found above the test folder.");
        }
    }

    public static string PluginProject => Path.Combine(Root, "Nop.Plugin.Payments.TamaraInStore");

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string PluginOutput => Path.Combine(PluginProject, "bin", Configuration, "net9.0");
}
