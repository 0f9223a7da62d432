namespace Lianjian.Web.Platform.Files;

/// <summary>The file types the platform accepts, as recognised from their content (never from the name).</summary>
public enum FileType
{
    Pdf,
    Docx,
    Doc,
    Jpeg,
    Png,
    Webp,
}

public static class FileTypes
{
    /// <summary>Documents people attach to agreements and records: PDF, Word, or a photo/scan.</summary>
    public static readonly IReadOnlySet<FileType> DocumentsAndImages = new HashSet<FileType>(Enum.GetValues<FileType>());

    public static string Extension(this FileType type) => type switch
    {
        FileType.Pdf => ".pdf",
        FileType.Docx => ".docx",
        FileType.Doc => ".doc",
        FileType.Jpeg => ".jpg",
        FileType.Png => ".png",
        FileType.Webp => ".webp",
        _ => ".bin",
    };

    public static string ContentType(this FileType type) => type switch
    {
        FileType.Pdf => "application/pdf",
        FileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileType.Doc => "application/msword",
        FileType.Jpeg => "image/jpeg",
        FileType.Png => "image/png",
        FileType.Webp => "image/webp",
        _ => "application/octet-stream",
    };

    public static string Label(this FileType type) => type switch
    {
        FileType.Pdf => "PDF",
        FileType.Docx or FileType.Doc => "Word",
        FileType.Jpeg => "JPG图片",
        FileType.Png => "PNG图片",
        FileType.Webp => "WebP图片",
        _ => type.ToString(),
    };

    /// <summary>Extensions that name the same type (so "扫描件.jpeg" keeps its name when it really is a JPEG).</summary>
    public static bool HasExtensionOf(string fileName, FileType type)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return type switch
        {
            FileType.Jpeg => extension is ".jpg" or ".jpeg",
            _ => extension == type.Extension(),
        };
    }
}
