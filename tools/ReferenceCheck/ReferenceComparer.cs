using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NopReferenceCheck;

public sealed record ComparisonReport(int TypesChecked, int MembersChecked, IReadOnlyList<string> Problems);

/// <summary>
/// Checks that each type and member declared in the reference exists in the real source, in the same assembly,
/// with the same kind, modifiers, base types, constraints, signature, parameter names and default values.
/// </summary>
public sealed class ReferenceComparer
{
    private static readonly Dictionary<string, string> _assemblyFolders = new()
    {
        ["Nop.Core"] = Path.Combine("Libraries", "Nop.Core"),
        ["Nop.Data"] = Path.Combine("Libraries", "Nop.Data"),
        ["Nop.Services"] = Path.Combine("Libraries", "Nop.Services"),
        ["Nop.Web.Framework"] = Path.Combine("Presentation", "Nop.Web.Framework")
    };

    private readonly string _referenceFolder;
    private readonly string _nopSource;
    private readonly List<string> _problems = new();
    private int _types;
    private int _members;

    public ReferenceComparer(string referenceFolder, string nopSource)
    {
        _referenceFolder = referenceFolder;
        _nopSource = nopSource;
    }

    public ComparisonReport Compare()
    {
        var real = _assemblyFolders.ToDictionary(pair => pair.Key, pair => TypeIndex.Load(Path.Combine(_nopSource, pair.Value)));

        foreach (var assembly in _assemblyFolders.Keys)
        {
            var reference = TypeIndex.Load(Path.Combine(_referenceFolder, assembly));
            foreach (var (name, declarations) in reference.Types)
            {
                _types++;
                if (!real[assembly].Types.TryGetValue(name, out var realDeclarations))
                {
                    var elsewhere = real.Where(pair => pair.Value.Types.ContainsKey(name)).Select(pair => pair.Key).FirstOrDefault();
                    _problems.Add(elsewhere is null
                        ? $"{assembly}: {name} does not exist in nopCommerce"
                        : $"{assembly}: {name} is declared in {elsewhere} in nopCommerce");
                    continue;
                }

                CompareType(assembly, name, declarations, realDeclarations);
            }
        }

        return new ComparisonReport(_types, _members, _problems);
    }

    private void CompareType(string assembly, string name, List<BaseTypeDeclarationSyntax> reference, List<BaseTypeDeclarationSyntax> real)
    {
        var where = $"{assembly}: {name}";
        Expect(where, "kind", Shape.Kind(reference[0]), Shape.Kind(real[0]));
        Expect(where, "modifiers", Shape.Modifiers(reference.SelectMany(d => d.Modifiers)), Shape.Modifiers(real.SelectMany(d => d.Modifiers)));
        Expect(where, "base types", Shape.BaseTypes(reference), Shape.BaseTypes(real));
        Expect(where, "constraints", Shape.Constraints(reference), Shape.Constraints(real));

        if (reference[0] is EnumDeclarationSyntax referenceEnum)
        {
            var realValues = Shape.EnumValues((EnumDeclarationSyntax)real[0]);
            foreach (var (member, value) in Shape.EnumValues(referenceEnum))
            {
                _members++;
                if (!realValues.TryGetValue(member, out var realValue))
                    _problems.Add($"{where}.{member} does not exist in nopCommerce");
                else
                    Expect($"{where}.{member}", "value", value, realValue);
            }
            return;
        }

        var realMembers = real.OfType<TypeDeclarationSyntax>().SelectMany(Shape.Members).GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var member in reference.OfType<TypeDeclarationSyntax>().SelectMany(Shape.Members))
        {
            _members++;
            if (!realMembers.TryGetValue(member.Key, out var realMember))
            {
                _problems.Add($"{where}: {member.Key} does not exist in nopCommerce");
                continue;
            }

            Expect($"{where}: {member.Key}", "declaration", member.Signature, realMember.Signature);
        }
    }

    private void Expect(string where, string what, string reference, string real)
    {
        if (!string.Equals(reference, real, StringComparison.Ordinal))
            _problems.Add($"{where}: {what} differ\n    reference: {reference}\n    nopCommerce: {real}");
    }
}
