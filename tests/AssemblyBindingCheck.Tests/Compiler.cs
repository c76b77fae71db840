using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AssemblyBindingCheck.Tests;

/// <summary>Compiles small assemblies from source into a folder</summary>
internal static class Compiler
{
    private static readonly MetadataReference[] _framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.") || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    public static string Compile(string folder, string assemblyName, string source, params string[] references)
    {
        Directory.CreateDirectory(folder);
        var compilation = CSharpCompilation.Create(assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            _framework.Concat(references.Select(path => MetadataReference.CreateFromFile(path))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var path = Path.Combine(folder, assemblyName + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        return path;
    }
}
