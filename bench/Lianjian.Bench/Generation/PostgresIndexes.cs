using System.Diagnostics;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lianjian.Bench.Generation;

/// <summary>
/// Drops the secondary indexes of some tables before a bulk load and builds them again afterwards, from their own
/// definitions in <c>pg_indexes</c> (indexes that back a constraint — primary keys, unique constraints — stay).
/// </summary>
public static class PostgresIndexes
{
    public sealed record Index(string Name, string Definition);

    public static async Task<List<Index>> DropAsync(AppDbContext db, string[] tables)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        var indexes = new List<Index>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
                ORDER BY i.tablename, i.indexname
                """;
            command.Parameters.AddWithValue("tables", tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add(new Index(reader.GetString(0), reader.GetString(1)));
        }

        foreach (var index in indexes) await RunAsync(connection, $"DROP INDEX \"{index.Name}\"");
        Console.WriteLine($"  dropped {indexes.Count} secondary indexes for the load: {string.Join(", ", indexes.Select(i => i.Name))}");
        return indexes;
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql; // index names and definitions read from pg_indexes, not from input
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task CreateAsync(AppDbContext db, List<Index> indexes, Action<string> progress)
    {
        var sw = Stopwatch.StartNew();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync();
        await RunAsync(connection, "SET maintenance_work_mem = '1GB'");
        foreach (var index in indexes)
        {
            var one = Stopwatch.StartNew();
            await RunAsync(connection, index.Definition);
            progress($"index {index.Name} built in {one.Elapsed.TotalSeconds:F1} s");
        }

        await RunAsync(connection, "RESET maintenance_work_mem");
        progress($"{indexes.Count} indexes built again in {sw.Elapsed.TotalSeconds:F1} s");
    }
}
