using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent in the file (set once by <see cref="DatabaseSetup"/>);
/// synchronous=NORMAL in WAL mode keeps every committed transaction across a crash of the process, and may lose
/// the last transactions (never corrupt the file) on power loss — see docs/decisions/0002-sqlite-durability.md.
/// The settings belong to the native connection, which Microsoft.Data.Sqlite pools and hands back on every Open: they
/// are sent once per native connection, not on every query (three statements per query cost ≈ 0.1 ms of CPU each time).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    /// <summary>True the first time a native connection is seen (then it needs the pragmas).</summary>
    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, Configured);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
