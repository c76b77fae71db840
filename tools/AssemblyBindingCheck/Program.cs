using AssemblyBindingCheck;

// Checks that every type and member an assembly references in nopCommerce (and in the other libraries the host ships)
// exists in a real host's assemblies, so that nothing fails with TypeLoadException or MissingMethodException at run time.
// usage: dotnet run --project tools/AssemblyBindingCheck -- <plugin.dll> <nopCommerce>/src/Presentation/Nop.Web/bin/Release/net9.0

if (args.Length != 2 || !File.Exists(args[0]) || !Directory.Exists(args[1]))
{
    Console.Error.WriteLine("usage: AssemblyBindingCheck <plugin.dll> <host bin folder, e.g. Presentation/Nop.Web/bin/Release/net9.0>");
    return 2;
}

var report = BindingChecker.Check(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), SharedFramework.Folders());
foreach (var missing in report.Missing)
    Console.WriteLine($"missing: {missing}");

foreach (var older in report.OlderInHost)
    Console.WriteLine($"older in the host: {older}");

Console.WriteLine($"checked against: {string.Join(", ", report.Assemblies)}");
Console.WriteLine($"binding check: {report.TypeReferences} type refs, {report.MemberReferences} member refs, {report.Missing.Count} missing");
return report.Missing.Count == 0 ? 0 : 1;
