using System.Data.Common;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Lianjian.Bench.Scenarios;

/// <summary>
/// Before each query EF sends, asks the engine for its plan with the same SQL and parameters:
/// SQLite <c>EXPLAIN QUERY PLAN</c>, PostgreSQL <c>EXPLAIN (ANALYZE, BUFFERS)</c>.
/// </summary>
public sealed class PlanCapture(DatabaseProvider provider) : DbCommandInterceptor
{
    public List<(string Sql, IReadOnlyList<string> Plan)> Plans { get; } = [];

    public bool Enabled { get; set; } = true;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Plans.Add((command.CommandText, await ExplainAsync(command, cancellationToken)));
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Plans.Add((command.CommandText, await ExplainAsync(command, cancellationToken)));
        return result;
    }

    private async Task<IReadOnlyList<string>> ExplainAsync(DbCommand command, CancellationToken ct)
    {
        await using var explain = command.Connection!.CreateCommand();
        explain.Transaction = command.Transaction;
        explain.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + command.CommandText;
        foreach (DbParameter p in command.Parameters)
        {
            if (p is NpgsqlParameter np)
            {
                explain.Parameters.Add(np.Clone());
                continue;
            }

            var copy = explain.CreateParameter();
            copy.ParameterName = p.ParameterName;
            copy.Value = p.Value;
            explain.Parameters.Add(copy);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // SQLite: id, parent, notused, detail — indent by nesting; PostgreSQL: one text column per line.
            lines.Add(provider == DatabaseProvider.Sqlite ? $"{reader.GetInt32(1)}:{reader.GetInt32(0)} {reader.GetString(3)}" : reader.GetString(0));
        }

        return provider == DatabaseProvider.Sqlite ? IndentSqlite(lines) : lines;
    }

    private static List<string> IndentSqlite(List<string> rows)
    {
        var depth = new Dictionary<int, int> { [0] = 0 };
        var result = new List<string>();
        foreach (var row in rows)
        {
            var head = row[..row.IndexOf(' ', StringComparison.Ordinal)].Split(':');
            var (parent, id) = (int.Parse(head[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(head[1], System.Globalization.CultureInfo.InvariantCulture));
            var level = depth.GetValueOrDefault(parent) + 1;
            depth[id] = level;
            result.Add(new string(' ', level * 2) + row[(row.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        }

        return result;
    }
}
