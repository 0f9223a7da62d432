using System.Globalization;
using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Bench;

public sealed class OptionException(string message) : Exception(message);

/// <summary><c>--key value</c> pairs after the command name (flags without a value are "true").</summary>
public sealed class Options
{
    public const string Usage = """
        Lianjian.Bench — data generator and load scenarios (bench/README.md)

          generate --provider sqlite|postgres --connection "..." [--organizations 10000] [--people 100000]
                   [--seed 20260101] [--reset]
              Migrates an empty database with the app's migrations, bulk-loads a realistic tree and people,
              creates the bench accounts (bench-admin, bench-county; password Lianjian@2026).
              --reset deletes the SQLite file / drops and recreates the PostgreSQL database (its name must contain "bench").

          generate-import-file [--rows 10000] [--out bench/results/import-10000.xlsx] --provider ... --connection "..."
              Writes an .xlsx of new people (Chinese headers) whose organizations exist in the generated database.

          run --url http://127.0.0.1:5084 --provider sqlite|postgres --connection "..." [--server-pid PID]
              [--requests 400] [--clients 4] [--warm-up 100] [--page-requests 30] [--raw-requests 500] [--import-file PATH]
              [--max-seconds 120] [--out bench/results/sqlite.md]
              Runs the scenarios against a running Release build of the app and prints/writes the figures.

          queries --provider sqlite|postgres --connection "..." [--raw-requests 500]
              Times only the in-process subtree queries (no app server needed): quick checks of a change in src/.

          generate-orders --provider ... --connection "..." [--orders 10000 | --total N] [--years 3] [--seed 20260101]
              Adds work orders (new data: three calendar years up to 2026-11-30; a top-up keeps the span already there)
              and rebuilds the roll-ups (WorkOrderCounts, WorkOrderDailyStats).

          run-stats --url http://127.0.0.1:5203 --provider ... --connection "..." [--server-pid PID] [--requests 100]
              [--screen-requests 100] [--bulletins 5] [--period 2026-Q3] [--load-clients 8,16] [--seconds 30]
              [--dashboard-path TEMPLATE] [--screen-path TEMPLATE] [--documents-path PATH] [--out bench/results/stats-….md]
              The statistics scenarios of issue 4 (dashboard per level of the tree, big screen, quarterly bulletin,
              memory under load) against a running app; templates use {org}, {from}, {to}.

          migrate --provider sqlite|postgres --connection "..."
              Applies the app's pending migrations and start-up backfills to an existing database; prints their time and
              (SQLite) the file's growth.

          explain --provider sqlite|postgres --connection "..."
              Prints the query plans of the subtree queries (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE).
        """;

    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values) => _values = values;

    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new OptionException($"unexpected argument '{list[i]}'");
            var key = list[i][2..];
            if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal)) values[key] = list[++i];
            else values[key] = "true";
        }

        return new Options(values);
    }

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public string Required(string key) => Get(key) ?? throw new OptionException($"--{key} is required");

    public int Int(string key, int fallback) =>
        Get(key) is { } v ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new OptionException($"--{key} must be a positive number") : fallback;

    public bool Flag(string key) => Get(key) is "true" or "1" or "yes";

    public DatabaseProvider Provider => Required("provider").ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
        var other => throw new OptionException($"--provider must be sqlite or postgres, not '{other}'"),
    };

    public string Connection => Required("connection");
}
