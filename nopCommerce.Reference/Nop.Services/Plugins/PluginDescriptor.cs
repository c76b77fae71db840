using System.Reflection;
using Newtonsoft.Json;

namespace Nop.Services.Plugins;

// "FileName" in plugin.json maps to AssemblyFileName. Instance<TPlugin>() and Save() need the host.
public partial class PluginDescriptor : PluginDescriptorBaseInfo, IDescriptor, IComparable<PluginDescriptor>
{
    public PluginDescriptor()
    {
        SupportedVersions = new List<string>();
        LimitedToStores = new List<int>();
        LimitedToCustomerRoles = new List<int>();
        DependsOn = new List<string>();
    }

    public static PluginDescriptor GetPluginDescriptorFromText(string text)
    {
        if (string.IsNullOrEmpty(text))
            return new PluginDescriptor();

        var descriptor = JsonConvert.DeserializeObject<PluginDescriptor>(text);
        if (!descriptor.SupportedVersions.Any())
            descriptor.SupportedVersions.Add("2.00");

        return descriptor;
    }

    public virtual TPlugin Instance<TPlugin>() where TPlugin : class, IPlugin
    {
        throw null;
    }

    public int CompareTo(PluginDescriptor other)
    {
        return DisplayOrder != other.DisplayOrder
            ? DisplayOrder.CompareTo(other.DisplayOrder)
            : string.Compare(SystemName, other.SystemName, StringComparison.InvariantCultureIgnoreCase);
    }

    public override string ToString()
    {
        return FriendlyName;
    }

    public virtual void Save()
    {
        throw null;
    }

    [JsonProperty(PropertyName = "Group")]
    public virtual string Group { get; set; }

    [JsonProperty(PropertyName = "FriendlyName")]
    public virtual string FriendlyName { get; set; }

    [JsonProperty(PropertyName = "SupportedVersions")]
    public virtual IList<string> SupportedVersions { get; set; }

    [JsonProperty(PropertyName = "Author")]
    public virtual string Author { get; set; }

    [JsonProperty(PropertyName = "DisplayOrder")]
    public virtual int DisplayOrder { get; set; }

    [JsonProperty(PropertyName = "FileName")]
    public virtual string AssemblyFileName { get; set; }

    [JsonProperty(PropertyName = "Description")]
    public virtual string Description { get; set; }

    [JsonProperty(PropertyName = "LimitedToStores")]
    public virtual IList<int> LimitedToStores { get; set; }

    [JsonProperty(PropertyName = "LimitedToCustomerRoles")]
    public virtual IList<int> LimitedToCustomerRoles { get; set; }

    [JsonProperty(PropertyName = "DependsOnSystemNames")]
    public virtual IList<string> DependsOn { get; set; }

    [JsonIgnore]
    public virtual bool Installed { get; set; }

    [JsonIgnore]
    public virtual Type PluginType { get; set; }

    [JsonIgnore]
    public virtual string OriginalAssemblyFile { get; set; }

    [JsonIgnore]
    public virtual IList<string> PluginFiles { get; set; }

    [JsonIgnore]
    public virtual Assembly ReferencedAssembly { get; set; }

    [JsonIgnore]
    public virtual bool ShowInPluginsList { get; set; } = true;
}
