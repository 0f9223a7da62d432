using System.Data.Common;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lianjian.Bench.Generation;

/// <summary>
/// Writes entities straight to their tables, reading table, columns and value conversions from the app's EF model
/// (so enums become names, lists become JSON on SQLite and text[] on PostgreSQL, exactly as the app writes them).
/// SQLite: one prepared INSERT per row inside one transaction. PostgreSQL: binary COPY.
/// Bypasses SaveChanges, so generated rows write no audit entries (they are not changes made by staff).
/// </summary>
public sealed class BulkWriter(AppDbContext db)
{
    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ReadModel(object entity) => Property.GetGetter().GetClrValue(entity);

        public object? Read(object entity) =>
            ReadModel(entity) is { } value ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value : null;
    }

    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken ct = default) where T : class
    {
        if (rows.Count == 0) return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => p.IsShadowProperty() ? throw new InvalidOperationException($"{table}.{p.Name} is a shadow property") : p)
            .Select(p => new Column(p, p.GetColumnName(store)!, (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres) await CopyAsync((NpgsqlConnection)connection, table, columns, rows, ct);
        else await InsertAsync(connection, table, columns, rows, ct);
    }

    private static async Task InsertAsync<T>(DbConnection connection, string table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i, c.ReadModel(rows[0]), c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            command.ExecuteNonQuery(); // Microsoft.Data.Sqlite runs async calls synchronously anyway: skip the Task per row
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        // The parameter EF would send tells the PostgreSQL type of each column (uuid, text[], timestamptz …).
        await using var probe = connection.CreateCommand();
        var types = columns.Select(c => ((NpgsqlParameter)c.Mapping.CreateParameter(probe, "p", rows.Select(c.ReadModel).FirstOrDefault(v => v is not null), true)).NpgsqlDbType).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(row) is { } value) await importer.WriteAsync(value, types[i], ct);
                else await importer.WriteNullAsync(ct);
            }
        }

        await importer.CompleteAsync(ct);
    }
}
