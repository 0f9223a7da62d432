using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Files;

/// <summary>An upload that passed the size and real-type checks, held in memory until it is stored.</summary>
public sealed record CheckedFile(byte[] Content, FileType Type, string FileName)
{
    public const int FileNameMax = 255;

    public string ContentType => Type.ContentType();

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> + 1 bytes (so an oversized or lying upload is cut off rather than
    /// buffered whole), then recognises the type from the content. The display name keeps the person's name but
    /// gets the extension of the real type, and loses any folder part.
    /// </summary>
    public static async Task<Result<CheckedFile>> ReadAsync(Stream content, string? fileName, long maxBytes, IReadOnlySet<FileType> allowed, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return FileErrors.TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0) return FileErrors.Empty();
        var bytes = buffer.ToArray();
        if (FileSniffer.Detect(bytes) is not { } type || !allowed.Contains(type)) return FileErrors.TypeNotAllowed(allowed);
        var name = DisplayName(fileName, type);
        if (name.Length > FileNameMax) return FileErrors.NameTooLong(FileNameMax);
        return new CheckedFile(bytes, type, name);
    }

    public static string DisplayName(string? fileName, FileType type)
    {
        // Browsers on Windows may send "C:\\Users\\…\\协议.pdf"; keep only the last segment, drop control characters.
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0 || name.StartsWith('.')) name = "附件" + name;
        return FileTypes.HasExtensionOf(name, type) ? name : Path.GetFileNameWithoutExtension(name) + type.Extension();
    }
}
