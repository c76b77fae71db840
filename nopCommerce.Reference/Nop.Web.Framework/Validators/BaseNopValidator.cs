using FluentValidation;
using Nop.Core;

namespace Nop.Web.Framework.Validators;

public abstract partial class BaseNopValidator<TModel> : AbstractValidator<TModel> where TModel : class
{
    protected virtual void SetDatabaseValidationRules<TEntity>(params string[] filterStringPropertyNames) where TEntity : BaseEntity
    {
    }
}
