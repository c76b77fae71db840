namespace Nop.Core.Domain.Common;

public partial interface IMetaTagsSupported
{
    public string MetaKeywords { get; set; }

    public string MetaDescription { get; set; }

    public string MetaTitle { get; set; }
}
