namespace Nop.Web.Framework.Models;

public partial record BaseNopEntityModel : BaseNopModel
{
    public virtual int Id { get; set; }
}
