using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Table;
using Nop.Core;

namespace Nop.Data.Extensions;

public static class FluentMigratorExtensions
{
    public static ICreateTableColumnOptionOrWithColumnSyntax AsNopDateTime2(this ICreateTableColumnAsTypeSyntax syntax)
    {
        throw null;
    }

    public static void TableFor<TEntity>(this ICreateExpressionRoot expressionRoot) where TEntity : BaseEntity
    {
    }
}
