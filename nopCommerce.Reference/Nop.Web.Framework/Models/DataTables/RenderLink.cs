namespace Nop.Web.Framework.Models.DataTables;

public partial class RenderLink : IRender
{
    public RenderLink(DataUrl url)
    {
        Url = url;
    }

    public DataUrl Url { get; set; }

    public string Title { get; set; }
}
