using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NopReferenceCheck;

/// <summary>
/// Every type declared under a folder, by full name (namespace, containing types, name and arity); partial declarations are grouped
/// </summary>
public sealed class TypeIndex
{
    public Dictionary<string, List<BaseTypeDeclarationSyntax>> Types { get; } = new();

    public static TypeIndex Load(string folder)
    {
        var index = new TypeIndex();
        var separator = Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{separator}obj{separator}") || file.Contains($"{separator}bin{separator}"))
                continue;

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetCompilationUnitRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                var name = FullName(type);
                if (!index.Types.TryGetValue(name, out var declarations))
                    index.Types[name] = declarations = new List<BaseTypeDeclarationSyntax>();
                declarations.Add(type);
            }
        }
        return index;
    }

    public static string FullName(BaseTypeDeclarationSyntax type)
    {
        var parts = new List<string>();
        for (var node = type.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseTypeDeclarationSyntax outer:
                    parts.Insert(0, Simple(outer));
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    parts.Insert(0, ns.Name.ToString());
                    break;
            }
        }
        parts.Add(Simple(type));
        return string.Join(".", parts);
    }

    private static string Simple(BaseTypeDeclarationSyntax type) =>
        type is TypeDeclarationSyntax { TypeParameterList: { } parameters }
            ? $"{type.Identifier.Text}`{parameters.Parameters.Count}"
            : type.Identifier.Text;
}
