namespace AssemblyBindingCheck;

/// <summary>The folders of the running .NET's shared frameworks (base types and forwarders of the host's libraries end there)</summary>
internal static class SharedFramework
{
    public static IEnumerable<string> Folders()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtimeFolder))!;
        var version = Path.GetFileName(runtimeFolder);
        foreach (var framework in new[] { "Microsoft.NETCore.App", "Microsoft.AspNetCore.App" })
        {
            var sameVersion = Path.Combine(shared, framework, version);
            if (Directory.Exists(sameVersion))
                yield return sameVersion;
            else if (Directory.Exists(Path.Combine(shared, framework)))
                yield return Directory.EnumerateDirectories(Path.Combine(shared, framework)).Order(StringComparer.Ordinal).Last();
        }
    }
}
