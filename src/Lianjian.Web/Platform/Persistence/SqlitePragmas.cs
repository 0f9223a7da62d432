using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianjian.Web.Platform.Persistence;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent in the file (set once by <see cref="DatabaseSetup"/>);
/// synchronous=NORMAL in WAL mode keeps every committed transaction across a crash of the process, and may lose
/// the last transactions (never corrupt the file) on power loss — see docs/decisions/0002-sqlite-durability.md.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
