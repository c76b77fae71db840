using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Controllers;

public sealed class FormValueRequiredAttribute : ActionMethodSelectorAttribute
{
    public FormValueRequiredAttribute(params string[] submitButtonNames) : this(FormValueRequirement.Equal, submitButtonNames)
    {
    }

    public FormValueRequiredAttribute(FormValueRequirement requirement, params string[] submitButtonNames) : this(requirement, true, submitButtonNames)
    {
    }

    public FormValueRequiredAttribute(FormValueRequirement requirement, bool validateNameOnly, params string[] submitButtonNames)
    {
    }

    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action)
    {
        return false;
    }
}

public enum FormValueRequirement
{
    Equal,
    StartsWith
}
