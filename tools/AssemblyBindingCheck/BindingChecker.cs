using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AssemblyBindingCheck;

public sealed record BindingReport(
    int TypeReferences, int MemberReferences, IReadOnlyList<string> Missing, IReadOnlyList<string> Assemblies, IReadOnlyList<string> OlderInHost);

/// <summary>
/// Looks up every type and member an assembly references in nopCommerce's assemblies (any Nop.*) and in the other assemblies
/// the host ships, as the runtime would bind them: the type by full name (through type forwarders), a method by name, generic
/// arity and signature (searching base types, as the runtime does), a field by name and type
/// </summary>
public static class BindingChecker
{
    public static BindingReport Check(string assemblyPath, string hostFolder, IEnumerable<string> fallbackFolders)
    {
        using var host = new HostAssemblies(hostFolder, fallbackFolders);
        using var peReader = new PEReader(File.OpenRead(assemblyPath));
        var reader = peReader.GetMetadataReader();

        bool IsChecked(string? assembly) =>
            assembly is not null && (assembly.StartsWith("Nop.", StringComparison.Ordinal) || host.Ships(assembly));

        var missing = new List<string>();
        var assemblies = new SortedSet<string>(StringComparer.Ordinal);
        var typeReferences = 0;
        foreach (var handle in reader.TypeReferences)
        {
            var assembly = HostAssemblies.ScopeAssembly(reader, handle);
            if (!IsChecked(assembly))
                continue;

            typeReferences++;
            assemblies.Add(assembly!);
            var name = SignatureNames.TypeName(reader, handle);
            if (host.FindType(assembly!, name) is null)
                missing.Add($"type {name} [{assembly}]");
        }

        var memberReferences = 0;
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            var parent = member.Parent.Kind == HandleKind.TypeSpecification
                ? HostAssemblies.GenericTypeOf(reader, (TypeSpecificationHandle)member.Parent)
                : member.Parent;
            if (parent.Kind != HandleKind.TypeReference)
                continue;

            var typeReference = (TypeReferenceHandle)parent;
            var assembly = HostAssemblies.ScopeAssembly(reader, typeReference);
            if (!IsChecked(assembly))
                continue;

            memberReferences++;
            var typeName = SignatureNames.TypeName(reader, typeReference);
            var name = reader.GetString(member.Name);
            var declaringType = host.FindType(assembly!, typeName);
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                var signature = SignatureNames.Method(member.DecodeMethodSignature(SignatureNames.Instance, null));
                if (declaringType is null || !HasMethod(host, declaringType.Value, name, signature))
                    missing.Add($"method {typeName}::{name} {signature} [{assembly}]");
            }
            else
            {
                var fieldType = member.DecodeFieldSignature(SignatureNames.Instance, null);
                if (declaringType is null || !HasField(host, declaringType.Value, name, fieldType))
                    missing.Add($"field {typeName}::{name} {fieldType} [{assembly}]");
            }
        }

        return new BindingReport(typeReferences, memberReferences, missing, assemblies.ToList(), OlderInHost(reader, host, assemblies));
    }

    // the runtime does not bind a reference to a higher assembly version by itself (nopCommerce's resolver matches by name)
    private static List<string> OlderInHost(MetadataReader reader, HostAssemblies host, IEnumerable<string> assemblies)
    {
        var checkedAssemblies = assemblies.ToHashSet(StringComparer.Ordinal);
        return reader.AssemblyReferences.Select(reader.GetAssemblyReference)
            .Where(reference => checkedAssemblies.Contains(reader.GetString(reference.Name)))
            .Select(reference => (Name: reader.GetString(reference.Name), reference.Version, Host: host.Version(reader.GetString(reference.Name))))
            .Where(reference => reference.Host is not null && reference.Host < reference.Version)
            .Select(reference => $"{reference.Name}: references {reference.Version}, the host has {reference.Host}")
            .ToList();
    }

    private static bool HasMethod(HostAssemblies host, HostType type, string name, string signature)
    {
        // constructors are never inherited; other methods are looked up in base types too
        for (HostType? current = type; current is { } t; current = name == ".ctor" ? null : BaseType(host, t))
        {
            foreach (var handle in t.Definition.GetMethods())
            {
                var method = t.Reader.GetMethodDefinition(handle);
                if (t.Reader.GetString(method.Name) == name &&
                    SignatureNames.Method(method.DecodeSignature(SignatureNames.Instance, null)) == signature)
                    return true;
            }
        }
        return false;
    }

    private static bool HasField(HostAssemblies host, HostType type, string name, string fieldType)
    {
        for (HostType? current = type; current is { } t; current = BaseType(host, t))
        {
            foreach (var handle in t.Definition.GetFields())
            {
                var field = t.Reader.GetFieldDefinition(handle);
                if (t.Reader.GetString(field.Name) == name && field.DecodeSignature(SignatureNames.Instance, null) == fieldType)
                    return true;
            }
        }
        return false;
    }

    private static HostType? BaseType(HostAssemblies host, HostType type)
    {
        var baseType = type.Definition.BaseType;
        return baseType.IsNil ? null : host.Resolve(type.Reader, baseType);
    }
}
