using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AssemblyBindingCheck;

/// <summary>A type definition in one of the loaded assemblies</summary>
internal readonly record struct HostType(MetadataReader Reader, TypeDefinitionHandle Handle)
{
    public TypeDefinition Definition => Reader.GetTypeDefinition(Handle);
}

/// <summary>
/// The assemblies of a host's bin folder, found by assembly name, plus fallback folders (the shared framework) that are only
/// used to follow type forwarders and base types, never checked themselves
/// </summary>
internal sealed class HostAssemblies : IDisposable
{
    private readonly Dictionary<string, string> _hostFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _fallbackFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MetadataReader?> _readers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<MetadataReader, Dictionary<string, TypeDefinitionHandle>> _topLevelTypes = new();
    private readonly List<PEReader> _peReaders = new();

    public HostAssemblies(string hostFolder, IEnumerable<string> fallbackFolders)
    {
        foreach (var file in Directory.EnumerateFiles(hostFolder, "*.dll"))
            _hostFiles.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        foreach (var folder in fallbackFolders.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll"))
                _fallbackFiles.TryAdd(Path.GetFileNameWithoutExtension(file), file);
    }

    /// <summary>Whether the host's bin folder has an assembly of that name</summary>
    public bool Ships(string assemblyName) => _hostFiles.ContainsKey(assemblyName);

    /// <summary>The version of the host's assembly of that name; null when the host has none</summary>
    public Version? Version(string assemblyName)
    {
        var reader = Ships(assemblyName) ? Load(assemblyName) : null;
        return reader is { IsAssembly: true } ? reader.GetAssemblyDefinition().Version : null;
    }

    /// <summary>The type of that full name (Namespace.Outer/Nested) in that assembly, following type forwarders</summary>
    public HostType? FindType(string assemblyName, string fullName) => FindType(assemblyName, fullName, forwards: 0);

    /// <summary>The definition a type handle of one of the loaded assemblies stands for (a reference, or a generic instantiation)</summary>
    public HostType? Resolve(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return new HostType(reader, (TypeDefinitionHandle)handle);
            case HandleKind.TypeReference:
                var assembly = ScopeAssembly(reader, (TypeReferenceHandle)handle);
                var name = SignatureNames.TypeName(reader, (TypeReferenceHandle)handle);
                return assembly is null ? FindInReader(reader, name) : FindType(assembly, name);
            case HandleKind.TypeSpecification:
                var generic = GenericTypeOf(reader, (TypeSpecificationHandle)handle);
                return generic.IsNil ? null : Resolve(reader, generic);
            default:
                return null;
        }
    }

    /// <summary>The name of the assembly a type reference points to; null when it is the referencing module itself</summary>
    public static string? ScopeAssembly(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;

        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    /// <summary>The generic type of a generic instantiation (List`1 for List&lt;int&gt;); nil for any other specification</summary>
    public static EntityHandle GenericTypeOf(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
            return default;

        return blob.ReadSignatureTypeCode() == SignatureTypeCode.TypeHandle ? blob.ReadTypeHandle() : default;
    }

    private HostType? FindType(string assemblyName, string fullName, int forwards)
    {
        var reader = Load(assemblyName);
        if (reader is null || forwards > 8)
            return null;

        var found = FindInReader(reader, fullName);
        if (found is not null)
            return found;

        var topLevel = fullName.Split('/')[0];
        foreach (var exportedHandle in reader.ExportedTypes)
        {
            var exported = reader.GetExportedType(exportedHandle);
            if (exported.Implementation.Kind != HandleKind.AssemblyReference || FullName(reader, exported) != topLevel)
                continue;

            var target = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)exported.Implementation).Name);
            return FindType(target, fullName, forwards + 1);
        }
        return null;
    }

    private HostType? FindInReader(MetadataReader reader, string fullName)
    {
        var parts = fullName.Split('/');
        if (!TopLevelTypes(reader).TryGetValue(parts[0], out var handle))
            return null;

        foreach (var nestedName in parts.Skip(1))
        {
            var nested = reader.GetTypeDefinition(handle).GetNestedTypes()
                .FirstOrDefault(n => reader.GetString(reader.GetTypeDefinition(n).Name) == nestedName);
            if (nested.IsNil)
                return null;
            handle = nested;
        }
        return new HostType(reader, handle);
    }

    private Dictionary<string, TypeDefinitionHandle> TopLevelTypes(MetadataReader reader)
    {
        if (!_topLevelTypes.TryGetValue(reader, out var types))
        {
            types = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);
            foreach (var handle in reader.TypeDefinitions)
                if (reader.GetTypeDefinition(handle).GetDeclaringType().IsNil)
                    types.TryAdd(SignatureNames.TypeName(reader, handle), handle);
            _topLevelTypes[reader] = types;
        }
        return types;
    }

    private static string FullName(MetadataReader reader, ExportedType type)
    {
        var ns = reader.GetString(type.Namespace);
        var name = reader.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private MetadataReader? Load(string assemblyName)
    {
        if (_readers.TryGetValue(assemblyName, out var cached))
            return cached;

        MetadataReader? reader = null;
        if (_hostFiles.TryGetValue(assemblyName, out var path) || _fallbackFiles.TryGetValue(assemblyName, out path))
        {
            var peReader = new PEReader(File.OpenRead(path));
            _peReaders.Add(peReader);
            if (peReader.HasMetadata)
                reader = peReader.GetMetadataReader();
        }
        return _readers[assemblyName] = reader;
    }

    public void Dispose()
    {
        foreach (var peReader in _peReaders)
            peReader.Dispose();
    }
}
