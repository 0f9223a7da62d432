using System.Text.RegularExpressions;
using Lianjian.Web.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Lianjian.Web.Platform.Files;

/// <summary>
/// Uploaded files under <c>{DataDirectory}/files/{area}/</c> (never under wwwroot: every download goes through an
/// endpoint that checks the data scope). Stored names are random, so a client's file name never reaches the disk.
/// </summary>
public sealed partial class FileStore
{
    private readonly string _root;

    public FileStore(IOptions<LianjianOptions> options, IHostEnvironment environment)
    {
        _root = Path.Combine(options.Value.ResolveDataDirectory(environment.ContentRootPath), "files");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex AreaPattern();

    [GeneratedRegex(@"^[0-9a-f]{32}\.[a-z0-9]{1,8}$")]
    private static partial Regex StoredNamePattern();

    /// <summary>Writes the file and returns its stored name (32 random hex digits + the real type's extension).</summary>
    public async Task<string> SaveAsync(string area, CheckedFile file, CancellationToken ct = default)
    {
        var folder = Folder(area);
        Directory.CreateDirectory(folder);
        var storedName = Guid.NewGuid().ToString("N") + file.Type.Extension();
        var path = Path.Combine(folder, storedName);
        // Write to a temporary name first, so a half-written file is never visible under its final name.
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, file.Content, ct);
        File.Move(temporary, path);
        return storedName;
    }

    /// <summary>Opens a stored file for reading, or null when it does not exist (or the name is not one of ours).</summary>
    public Stream? OpenRead(string area, string? storedName)
    {
        if (storedName is null || !StoredNamePattern().IsMatch(storedName)) return null;
        var path = Path.Combine(Folder(area), storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Best effort: a file left behind costs disk space, not correctness.</summary>
    public void Delete(string area, string? storedName)
    {
        if (storedName is null || !StoredNamePattern().IsMatch(storedName)) return;
        try
        {
            File.Delete(Path.Combine(Folder(area), storedName));
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string Folder(string area) =>
        AreaPattern().IsMatch(area) ? Path.Combine(_root, area) : throw new ArgumentException($"Invalid file area '{area}'.", nameof(area));
}
