using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

// The host resolves the locale resource on every read of DisplayName; here the key itself is returned.
[AttributeUsage(AttributeTargets.Property)]
public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute, IModelAttribute
{
    public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey)
    {
        ResourceKey = resourceKey;
    }

    public string ResourceKey { get; set; }

    public override string DisplayName => ResourceKey;

    public string Name => nameof(NopResourceDisplayNameAttribute);
}
