namespace Lianjian.Web.Platform.Persistence;

/// <summary>The <c>Lianjian</c> configuration section (README "Configuration").</summary>
public sealed class LianjianOptions
{
    public const string Section = "Lianjian";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Folder for the SQLite file, uploads and generated documents. Created on first run.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Development only: fill an empty database with the Zhoushan demo data and demo sign-ins.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Apply pending migrations at start-up (on in development; in production run the <c>migrate</c> command).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// The address residents reach the site at, e.g. <c>https://lianjian.example.gov.cn</c>: printed QR codes (码上办) point
    /// there. Empty: the scheme and host of the request that makes the code.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>{DataDirectory}/lianjian.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Commit the writes of submissions and work-order moves that arrive together in one transaction
    /// (<see cref="GroupCommit"/>); false saves each request on its own.</summary>
    public bool GroupCommits { get; set; } = true;
}
