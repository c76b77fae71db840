using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NopReferenceCheck;

public sealed record MemberShape(string Key, string Signature);

/// <summary>
/// Text forms of declarations that are equal exactly when the declarations are the same to a caller:
/// whitespace, comments, bodies, attributes, namespace qualifiers and "async" are left out
/// </summary>
public static class Shape
{
    private static readonly HashSet<string> _ignoredModifiers = ["async", "extern", "unsafe"];

    public static string Kind(BaseTypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        ClassDeclarationSyntax => "class",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        EnumDeclarationSyntax enumType => "enum" + (enumType.BaseList is null ? string.Empty : " : " + Type(enumType.BaseList.Types[0].Type)),
        _ => type.Kind().ToString()
    };

    public static string Modifiers(IEnumerable<SyntaxToken> modifiers) =>
        string.Join(" ", modifiers.Select(m => m.Text).Where(m => !_ignoredModifiers.Contains(m)).Distinct().Order(StringComparer.Ordinal));

    public static string BaseTypes(IEnumerable<BaseTypeDeclarationSyntax> declarations) =>
        string.Join(", ", declarations
            .Where(d => d is not EnumDeclarationSyntax)
            .SelectMany(d => d.BaseList?.Types.Select(t => Type(t.Type)) ?? [])
            .Distinct().Order(StringComparer.Ordinal));

    public static string Constraints(IEnumerable<BaseTypeDeclarationSyntax> declarations) =>
        string.Join(" ", declarations.OfType<TypeDeclarationSyntax>().Take(1)
            .SelectMany(d => d.ConstraintClauses.Select(Compact)));

    public static Dictionary<string, string> EnumValues(EnumDeclarationSyntax type)
    {
        var values = new Dictionary<string, string>();
        long next = 0;
        foreach (var member in type.Members)
        {
            var text = member.EqualsValue?.Value.ToString();
            if (text is not null && long.TryParse(text, out var number))
                next = number;
            values[member.Identifier.Text] = text is null || long.TryParse(text, out _) ? next.ToString() : Compact(member.EqualsValue!.Value);
            next++;
        }
        return values;
    }

    public static IEnumerable<MemberShape> Members(TypeDeclarationSyntax type)
    {
        var inInterface = type is InterfaceDeclarationSyntax;
        foreach (var member in type.Members)
        {
            var modifiers = Modifiers(member.Modifiers);
            switch (member)
            {
                case MethodDeclarationSyntax method when IsVisible(member, inInterface):
                    yield return new MemberShape(
                        $"{method.Identifier.Text}`{method.TypeParameterList?.Parameters.Count ?? 0}({ParameterTypes(method.ParameterList)})",
                        $"{modifiers} {Type(method.ReturnType)} {method.Identifier.Text}{Compact(method.TypeParameterList)}({Parameters(method.ParameterList)}) {string.Join(" ", method.ConstraintClauses.Select(Compact))}".Trim());
                    break;
                case ConstructorDeclarationSyntax constructor when IsVisible(member, inInterface):
                    yield return new MemberShape($".ctor({ParameterTypes(constructor.ParameterList)})",
                        $"{modifiers} .ctor({Parameters(constructor.ParameterList)})");
                    break;
                case PropertyDeclarationSyntax property when IsVisible(member, inInterface):
                    yield return new MemberShape(property.Identifier.Text,
                        $"{modifiers} {Type(property.Type)} {property.Identifier.Text} {Accessors(property.AccessorList, property.ExpressionBody)}");
                    break;
                case IndexerDeclarationSyntax indexer when IsVisible(member, inInterface):
                    yield return new MemberShape($"this[{ParameterTypes(indexer.ParameterList)}]",
                        $"{modifiers} {Type(indexer.Type)} this[{Parameters(indexer.ParameterList)}] {Accessors(indexer.AccessorList, indexer.ExpressionBody)}");
                    break;
                case FieldDeclarationSyntax field when IsVisible(member, inInterface):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        var value = field.Modifiers.Any(SyntaxKind.ConstKeyword) ? " = " + Compact(variable.Initializer?.Value) : string.Empty;
                        yield return new MemberShape(variable.Identifier.Text, $"{modifiers} {Type(field.Declaration.Type)} {variable.Identifier.Text}{value}");
                    }
                    break;
                case EventFieldDeclarationSyntax eventField when IsVisible(member, inInterface):
                    foreach (var variable in eventField.Declaration.Variables)
                        yield return new MemberShape(variable.Identifier.Text, $"{modifiers} event {Type(eventField.Declaration.Type)} {variable.Identifier.Text}");
                    break;
                case OperatorDeclarationSyntax op when IsVisible(member, inInterface):
                    yield return new MemberShape($"operator{op.OperatorToken.Text}({ParameterTypes(op.ParameterList)})",
                        $"{modifiers} {Type(op.ReturnType)} operator{op.OperatorToken.Text}({Parameters(op.ParameterList)})");
                    break;
            }
        }
    }

    private static bool IsVisible(MemberDeclarationSyntax member, bool inInterface) =>
        inInterface || member.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword));

    private static string Accessors(AccessorListSyntax? accessors, ArrowExpressionClauseSyntax? expressionBody)
    {
        if (accessors is null)
            return expressionBody is null ? string.Empty : "{ get; }";

        var parts = accessors.Accessors
            .Where(a => !a.Modifiers.Any(m => m.IsKind(SyntaxKind.PrivateKeyword)))
            .Select(a => string.Join(" ", a.Modifiers.Select(m => m.Text).Append(a.Keyword.Text)) + ";");
        return "{ " + string.Join(" ", parts) + " }";
    }

    private static string ParameterTypes(BaseParameterListSyntax list) =>
        string.Join(",", list.Parameters.Select(p => string.Join(" ", p.Modifiers.Select(m => m.Text).Append(Type(p.Type)))));

    private static string Parameters(BaseParameterListSyntax list) =>
        string.Join(", ", list.Parameters.Select(p =>
            string.Join(" ", p.Modifiers.Select(m => m.Text).Append(Type(p.Type)).Append(p.Identifier.Text))
            + (p.Default is null ? string.Empty : " = " + Compact(p.Default.Value))));

    public static string Type(TypeSyntax? type) => type is null ? string.Empty : Compact(new QualifierRemover().Visit(type));

    private static string Compact(SyntaxNode? node) =>
        node is null ? string.Empty : node.WithoutTrivia().NormalizeWhitespace(" ", "\n", false).ToFullString().Replace("global::", string.Empty);

    /// <summary>
    /// System.Threading.Tasks.Task and Task are the same type to this comparison
    /// </summary>
    private sealed class QualifierRemover : CSharpSyntaxRewriter
    {
        public override SyntaxNode? VisitQualifiedName(QualifiedNameSyntax node) => Visit(node.Right);

        public override SyntaxNode? VisitAliasQualifiedName(AliasQualifiedNameSyntax node) => Visit(node.Name);
    }
}
