using FluentMigrator;
using Nop.Core.Domain.Catalog;
using Nop.Data.Migrations;

namespace Nop.Plugin.Payments.TamaraInStore.Data;

/// <summary>
/// The counter finds a scanned code with one exact look-up per column: nopCommerce indexes a product's SKU only on SQL
/// Server (IX_Product_Search) and a combination's SKU, so these indexes cover the rest (SKU, GTIN and part number of
/// products, GTIN of combinations) on every database. A new install creates them with <see cref="SchemaMigration"/>,
/// which drops them again on uninstall.
/// </summary>
[NopMigration("2026-12-08 02:10:01", "Payments.TamaraInStore counter code look-up indexes", MigrationProcessType.Update)]
public class CounterLookupIndexMigration : Migration
{
    private static readonly (string Table, string Column)[] Columns =
    [
        (nameof(Product), nameof(Product.Sku)),
        (nameof(Product), nameof(Product.Gtin)),
        (nameof(Product), nameof(Product.ManufacturerPartNumber)),
        (nameof(ProductAttributeCombination), nameof(ProductAttributeCombination.Gtin))
    ];

    public static string IndexName(string table, string column) => $"IX_TamaraCounter_{table}_{column}";

    public static void CreateIndexes(MigrationBase migration)
    {
        foreach (var (table, column) in Columns)
            migration.Create.Index(IndexName(table, column)).OnTable(table).OnColumn(column).Ascending().WithOptions().NonClustered();
    }

    public override void Up()
    {
        foreach (var (table, column) in Columns)
        {
            if (!Schema.Table(table).Index(IndexName(table, column)).Exists())
                Create.Index(IndexName(table, column)).OnTable(table).OnColumn(column).Ascending().WithOptions().NonClustered();
        }
    }

    public override void Down()
    {
    }
}
