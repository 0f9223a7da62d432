using System.IO.Compression;

namespace Lianjian.Web.Platform.Files;

/// <summary>
/// Recognises a file's real type from its bytes (magic numbers and, for Word, its container structure). The name a
/// client sends is never trusted: a text file renamed "协议.pdf" is not a PDF.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // The name of the main stream of a Word 97–2003 file, as UTF-16 in the compound file's directory.
    private static readonly byte[] WordDocumentStream = System.Text.Encoding.Unicode.GetBytes("WordDocument");

    public static FileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic)) return FileType.Pdf;
        if (content.StartsWith(PngMagic)) return FileType.Png;
        if (content.StartsWith(JpegMagic)) return FileType.Jpeg;
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return FileType.Webp;
        // .xls and .ppt share the OLE container; only one with a WordDocument stream is a Word file.
        if (content.StartsWith(OleMagic)) return content.IndexOf(WordDocumentStream) >= 0 ? FileType.Doc : null;
        if (content.StartsWith(ZipMagic)) return IsDocx(content) ? FileType.Docx : null;
        return null;
    }

    /// <summary>A .docx is a ZIP package with a content-types part and a main document part (.xlsx, .jar and plain ZIPs are not).</summary>
    private static bool IsDocx(ReadOnlySpan<byte> content)
    {
        try
        {
            // Only the central directory is read: entry names, no decompression (so a ZIP bomb costs nothing).
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
