using System.Reflection;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Data;
using FluentMigrator;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using Moq;

namespace Nop.Plugin.Payments.TamaraInStore.Tests.Data;

public class MigrationTests
{
    private static NopMigrationAttribute Of<T>() => typeof(T).GetCustomAttribute<NopMigrationAttribute>();

    [Test]
    public void The_refund_column_is_added_when_an_installed_plugin_is_updated_after_the_base_schema()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<RefundCountedOfflineMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the column from the base schema; only an update must add it");
            Assert.That(Of<RefundCountedOfflineMigration>().Version, Is.GreaterThan(Of<SchemaMigration>().Version));
        });
    }

    [Test]
    public void The_session_channel_columns_are_added_when_an_installed_plugin_is_updated()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<SessionChannelMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update));
            Assert.That(Of<SessionChannelMigration>().Version, Is.GreaterThan(Of<PhoneLinkLimitIndexMigration>().Version),
                "after every earlier migration, so a database at version 1.01 gets it");
        });
    }

    [Test]
    public void A_session_without_a_channel_is_an_sms_session()
    {
        // the column's default for every row written before the update
        Assert.That(new Nop.Plugin.Payments.TamaraInStore.Domain.TamaraSession().Channel, Is.EqualTo(Nop.Plugin.Payments.TamaraInStore.Domain.TamaraSessionChannel.Sms));
    }

    [Test]
    public void The_reconciliation_table_is_added_when_an_installed_plugin_is_updated_after_the_base_schema()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Of<ReconciliationRunTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(Of<ReconciliationRunTableMigration>().Version, Is.GreaterThan(Of<RefundCountedOfflineMigration>().Version));
        });
    }

    [Test]
    public void The_refund_claim_table_is_added_when_an_installed_plugin_is_updated_after_every_earlier_migration()
    {
        var earlier = new[] { Of<SchemaMigration>(), Of<RefundCountedOfflineMigration>(), Of<PhoneLinkLimitIndexMigration>(),
            Of<SessionChannelMigration>(), Of<ReconciliationRunTableMigration>() };
        Assert.Multiple(() =>
        {
            Assert.That(Of<RefundClaimTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(earlier.Select(migration => migration.Version), Has.All.LessThan(Of<RefundClaimTableMigration>().Version),
                "so a database at version 1.02 gets it");
        });
    }

    [Test]
    public void The_poll_task_stored_by_an_earlier_version_is_renamed_after_every_earlier_migration()
    {
        var earlier = new[] { Of<SchemaMigration>(), Of<RefundCountedOfflineMigration>(), Of<PhoneLinkLimitIndexMigration>(),
            Of<SessionChannelMigration>(), Of<ReconciliationRunTableMigration>(), Of<RefundClaimTableMigration>() };
        Assert.Multiple(() =>
        {
            Assert.That(Of<PollTaskTypeMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install stores the current name");
            Assert.That(earlier.Select(migration => migration.Version), Has.All.LessThan(Of<PollTaskTypeMigration>().Version));
        });
    }

    [Test]
    public void The_poll_task_name_an_earlier_version_stored_no_longer_resolves_and_the_new_one_does()
    {
        // nopCommerce's task runner: Type.GetType, then the same name in every loaded assembly
        static Type Resolve(string name) => Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(name)).FirstOrDefault(type => type is not null);

        Assert.Multiple(() =>
        {
            Assert.That(Resolve(PollTaskTypeMigration.EarlierType), Is.Null, "so an update must rewrite the stored name");
            Assert.That(Resolve(TamaraInStoreDefaults.ScheduleTask.Type),
                Is.EqualTo(typeof(Nop.Plugin.Payments.TamaraInStore.Services.Sync.TamaraPendingSessionsTask)));
        });
    }

    [Test]
    public void The_table_of_the_plugin_s_notes_is_added_when_an_installed_plugin_is_updated_after_every_earlier_migration()
    {
        var earlier = new[] { Of<SchemaMigration>(), Of<RefundCountedOfflineMigration>(), Of<PhoneLinkLimitIndexMigration>(),
            Of<SessionChannelMigration>(), Of<ReconciliationRunTableMigration>(), Of<RefundClaimTableMigration>() };
        Assert.Multiple(() =>
        {
            Assert.That(Of<OrderNoteMarkTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(earlier.Select(migration => migration.Version), Has.All.LessThan(Of<OrderNoteMarkTableMigration>().Version));
        });
    }

    [Test]
    public void The_reconciliation_mark_table_is_added_when_an_installed_plugin_is_updated_after_every_earlier_migration()
    {
        var earlier = new[] { Of<SchemaMigration>(), Of<RefundCountedOfflineMigration>(), Of<PhoneLinkLimitIndexMigration>(),
            Of<SessionChannelMigration>(), Of<ReconciliationRunTableMigration>(), Of<RefundClaimTableMigration>() };
        Assert.Multiple(() =>
        {
            Assert.That(Of<ReconciliationMarkTableMigration>().TargetMigrationProcess, Is.EqualTo(MigrationProcessType.Update),
                "a new install has the table from the base schema; only an update must add it");
            Assert.That(earlier.Select(migration => migration.Version), Has.All.LessThan(Of<ReconciliationMarkTableMigration>().Version),
                "so a database at version 1.03 gets it");
        });
    }

    [Test]
    public void Every_migration_of_the_plugin_has_a_version_of_its_own()
    {
        // nopCommerce records applied migrations by version: of two with one version, the second would count as applied and never run
        var versions = typeof(SchemaMigration).Assembly.GetTypes()
            .Select(type => (type.FullName, Migration: type.GetCustomAttribute<NopMigrationAttribute>()))
            .Where(migration => migration.Migration is not null)
            .GroupBy(migration => migration.Migration.Version)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(migration => migration.FullName))}");

        Assert.That(versions, Is.Empty);
    }

    /// <summary>
    /// The expressions a migration's building block adds, as the given database. Only the blocks the base schema shares
    /// with the updates are run: the FluentMigrator this project compiles against no longer loads its Schema part beside
    /// the host's newer abstractions.
    /// </summary>
    private static IList<IMigrationExpression> Expressions(Action<MigrationBase> build, string databaseType = "Postgres")
    {
        var schema = new Mock<IQuerySchema>();
        schema.SetupGet(query => query.DatabaseType).Returns(databaseType);
        schema.SetupGet(query => query.DatabaseTypeAliases).Returns(new List<string> { databaseType });
        var context = new CollectingContext(schema.Object);
        var migration = new SchemaMigration();
        typeof(MigrationBase).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Single(candidate => candidate.FieldType == typeof(IMigrationContext))
            .SetValue(migration, context);
        build(migration);
        return context.Expressions.ToList();
    }

    private sealed class CollectingContext(IQuerySchema querySchema) : IMigrationContext
    {
        public IQuerySchema QuerySchema { get; } = querySchema;

        public ICollection<IMigrationExpression> Expressions { get; set; } = new List<IMigrationExpression>();

        public IServiceProvider ServiceProvider => null;

        public string Connection { get; set; }
    }

    private static IEnumerable<IndexDefinitionSummary> CreatedIndexes(IEnumerable<IMigrationExpression> expressions) => expressions
        .OfType<CreateIndexExpression>()
        .Select(expression => new IndexDefinitionSummary(expression.Index.Name, expression.Index.TableName,
            string.Join(",", expression.Index.Columns.Select(column => column.Name)), expression.Index.IsUnique));

    private record IndexDefinitionSummary(string Name, string Table, string Columns, bool Unique);

    [Test]
    public void The_query_indexes_and_money_guards_are_added_when_an_installed_plugin_is_updated_after_every_earlier_migration()
    {
        var earlier = new[] { Of<SchemaMigration>(), Of<RefundCountedOfflineMigration>(), Of<PhoneLinkLimitIndexMigration>(),
            Of<SessionChannelMigration>(), Of<ReconciliationRunTableMigration>(), Of<RefundClaimTableMigration>() };
        var added = new[] { Of<OrderPaymentClaimMigration>(), Of<QueryIndexesMigration>(), Of<RefundIdUniqueIndexMigration>(), Of<PhoneLinkSlotTableMigration>() };

        Assert.Multiple(() =>
        {
            Assert.That(added.Select(migration => migration.TargetMigrationProcess), Has.All.EqualTo(MigrationProcessType.Update));
            foreach (var migration in added)
                Assert.That(earlier.Select(before => before.Version), Has.All.LessThan(migration.Version), "so a database at version 1.03 gets it");
        });
    }

    [Test]
    public void Sessions_are_indexed_by_order_customer_and_creation_time_and_refunds_by_creation_time()
    {
        var indexes = CreatedIndexes(Expressions(QueryIndexesMigration.CreateAll)).ToList();

        Assert.That(indexes, Is.EquivalentTo(new[]
        {
            new IndexDefinitionSummary("IX_TamaraSession_OrderId", "TamaraSession", "OrderId", false),
            new IndexDefinitionSummary("IX_TamaraSession_CustomerId", "TamaraSession", "CustomerId", false),
            new IndexDefinitionSummary("IX_TamaraSession_CreatedOnUtc", "TamaraSession", "CreatedOnUtc", false),
            new IndexDefinitionSummary("IX_TamaraRefund_CreatedOnUtc", "TamaraRefund", "CreatedOnUtc", false)
        }));
    }

    [Test]
    public void The_payment_claim_is_one_unique_row_per_order()
    {
        Assert.That(CreatedIndexes(Expressions(OrderPaymentClaimMigration.CreateIndex)),
            Is.EqualTo(new[] { new IndexDefinitionSummary("IX_TamaraPaymentClaim_OrderId", "TamaraPaymentClaim", "OrderId", true) }));
    }

    [Test]
    public void On_sql_server_the_unique_tamara_refund_id_still_lets_many_refunds_have_none()
    {
        // PostgreSQL and MySQL let a unique index hold many NULLs; SQL Server only with a filter
        Assert.That(RefundIdUniqueIndexMigration.SqlServerStatement, Is.EqualTo(
            "CREATE UNIQUE NONCLUSTERED INDEX [IX_TamaraRefund_RefundId] ON [TamaraRefund] ([RefundId]) WHERE [RefundId] IS NOT NULL"));
    }

    [Test]
    public void A_payment_link_slot_is_unique_per_number_and_slot()
    {
        Assert.That(CreatedIndexes(Expressions(PhoneLinkSlotTableMigration.CreateIndex)), Is.EqualTo(new[]
        {
            new IndexDefinitionSummary("IX_TamaraPhoneLinkSlot_PhoneNumber_Slot", "TamaraPhoneLinkSlot", "PhoneNumber,Slot", true)
        }));
    }
}
