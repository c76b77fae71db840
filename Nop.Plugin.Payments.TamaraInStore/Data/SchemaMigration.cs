using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.TamaraInStore.Domain;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

[NopMigration("2026-11-27 00:00:00", "Payments.TamaraInStore base schema", MigrationProcessType.Installation)]
public class SchemaMigration : AutoReversingMigration
{
    public override void Up()
    {
        Create.TableFor<TamaraSession>();
        Create.TableFor<TamaraRefund>();
        Create.TableFor<TamaraPaymentClaim>();
        Create.TableFor<TamaraReconciliationRun>();
        Create.TableFor<TamaraRefundClaim>();
        Create.TableFor<TamaraOrderNote>();

        CounterLookupIndexMigration.CreateIndexes(this);
        Create.TableFor<TamaraDispute>();
        Create.TableFor<TamaraStoreHealth>();
        Create.TableFor<TamaraReconciliationMark>();
        Create.TableFor<TamaraPhoneLinkSlot>();

        // the poller's query: every pending session, due now
        Create.Index("IX_TamaraSession_StateId_NextCheckOnUtc")
            .OnTable(nameof(TamaraSession))
            .OnColumn(nameof(TamaraSession.StateId)).Ascending()
            .OnColumn(nameof(TamaraSession.NextCheckOnUtc)).Ascending()
            .WithOptions().NonClustered();

        Create.Index("IX_TamaraSession_TamaraOrderId")
            .OnTable(nameof(TamaraSession))
            .OnColumn(nameof(TamaraSession.TamaraOrderId)).Ascending()
            .WithOptions().NonClustered();

        SessionReferenceMigration.CreateIndex(this);

        Create.Index("IX_TamaraSession_OrderGuid")
            .OnTable(nameof(TamaraSession))
            .OnColumn(nameof(TamaraSession.OrderGuid)).Ascending()
            .WithOptions().NonClustered();

        // the limit of payment links per phone number: sessions for one number created since a moment
        Create.Index(PhoneLinkLimitIndexMigration.IndexName)
            .OnTable(nameof(TamaraSession))
            .OnColumn(nameof(TamaraSession.PhoneNumber)).Ascending()
            .OnColumn(nameof(TamaraSession.CreatedOnUtc)).Ascending()
            .WithOptions().NonClustered();

        OrderPaymentClaimMigration.CreateIndex(this);

        RefundClaimTableMigration.CreateIndex(this);
        OrderNoteMarkTableMigration.CreateIndex(this);
        DisputeTableMigration.CreateIndexes(this);
        ReconciliationMarkTableMigration.CreateIndex(this);
        PhoneLinkSlotTableMigration.CreateIndex(this);

        Create.Index("IX_TamaraRefund_OrderId")
            .OnTable(nameof(TamaraRefund))
            .OnColumn(nameof(TamaraRefund.OrderId)).Ascending()
            .WithOptions().NonClustered();

        RefundIdUniqueIndexMigration.CreateIndex(this);
        QueryIndexesMigration.CreateAll(this);
    }
}
