namespace Nop.Web.Framework.Menu;

public partial class AdminMenuItem
{
    public AdminMenuItem()
    {
        ChildNodes = new List<AdminMenuItem>();
    }

    public bool ContainsSystemName(string systemName) => default;

    public AdminMenuItem GetItemBySystemName(string systemName) => null;

    public virtual bool InsertBefore(string itemSystemName, AdminMenuItem newMenuItem) => default;

    public virtual bool InsertAfter(string itemSystemName, AdminMenuItem newMenuItem) => default;

    public IList<string> PermissionNames { get; set; }

    public string SystemName { get; set; }

    public string Title { get; set; }

    public string Url { get; set; }

    public IList<AdminMenuItem> ChildNodes { get; set; }

    public string IconClass { get; set; }

    public bool Visible { get; set; } = true;

    public bool OpenUrlInNewTab { get; set; }

    public string ControllerName { get; protected set; }

    public string ActionName { get; protected set; }
}
