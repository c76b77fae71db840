using Npgsql;

namespace Nop.Plugin.Payments.TamaraInStore.RealHost.Harness;

/// <summary>The store's PostgreSQL database: facts a page shows only in words, and faults no page can stage</summary>
public sealed class NopDatabase
{
    private readonly string _connectionString;

    public NopDatabase(string connectionString) => _connectionString = connectionString;

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T));
    }

    /// <summary>For staging what a page cannot: a failing database, a setting changed as in "All settings"</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<OrderRow> OrderAsync(int orderId)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT \"OrderStatusId\", \"PaymentStatusId\", \"OrderTotal\", \"RefundedAmount\", \"AuthorizationTransactionId\", \"PaidDateUtc\" " +
            "FROM \"Order\" WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", orderId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            return null;
        return new OrderRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetDecimal(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetDateTime(5));
    }

    public async Task<IReadOnlyList<string>> OrderNotesAsync(int orderId)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Note\" FROM \"OrderNote\" WHERE \"OrderId\" = @id ORDER BY \"Id\"", connection);
        command.Parameters.AddWithValue("id", orderId);
        var notes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            notes.Add(reader.GetString(0));
        return notes;
    }

    public Task<string> SettingAsync(string name) =>
        ScalarAsync<string>("SELECT \"Value\" FROM \"Setting\" WHERE \"Name\" = @name ORDER BY \"StoreId\" LIMIT 1", ("name", name));

    public Task<int> CustomerIdAsync(string email) =>
        ScalarAsync<int>("SELECT \"Id\" FROM \"Customer\" WHERE lower(\"Email\") = lower(@email)", ("email", email));
}

/// <summary>nopCommerce's own numbers: OrderStatus Pending 10, Processing 20, Complete 30, Cancelled 40;
/// PaymentStatus Pending 10, Authorized 20, Paid 30, PartiallyRefunded 35, Refunded 40, Voided 50</summary>
public sealed record OrderRow(int OrderStatusId, int PaymentStatusId, decimal OrderTotal, decimal RefundedAmount,
    string AuthorizationTransactionId, DateTime? PaidDateUtc)
{
    public const int Cancelled = 40;
    public const int PaymentPending = 10, Paid = 30, PartiallyRefunded = 35, Refunded = 40;
}
