using NopReferenceCheck;

// Compares every declaration in nopCommerce.Reference with a real nopCommerce source tree.
// usage: dotnet run --project tools/ReferenceCheck -- <nopCommerce>/src [nopCommerce.Reference]

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: ReferenceCheck <nopCommerce>/src [path to nopCommerce.Reference]");
    return 2;
}

var nopSource = Path.GetFullPath(args[0]);
var reference = Path.GetFullPath(args.Length > 1 ? args[1] : FindReferenceFolder());
if (!Directory.Exists(Path.Combine(nopSource, "Libraries", "Nop.Core")))
{
    Console.Error.WriteLine($"{nopSource} is not a nopCommerce src folder (Libraries/Nop.Core is missing).");
    return 2;
}

var report = new ReferenceComparer(reference, nopSource).Compare();
foreach (var problem in report.Problems)
    Console.WriteLine(problem);

Console.WriteLine($"{report.TypesChecked} types and {report.MembersChecked} members checked, {report.Problems.Count} differences.");
return report.Problems.Count == 0 ? 0 : 1;

static string FindReferenceFolder()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "nopCommerce.Reference")))
        directory = directory.Parent;
    return directory is null
        ? throw new DirectoryNotFoundException("nopCommerce.Reference was not found; pass its path.")
        : Path.Combine(directory.FullName, "nopCommerce.Reference");
}
