using System.IO.Compression;
using System.Text;
using Lianjian.Web.Platform.Files;

namespace Lianjian.UnitTests.Platform;

public class FileSnifferTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Ole(string streamName)
    {
        var bytes = new byte[2048];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(streamName).CopyTo(bytes, 1024);
        return bytes;
    }

    public static TheoryData<string, byte[], FileType?> Samples => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), FileType.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], FileType.Png },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46], FileType.Jpeg },
        { "webp", Encoding.ASCII.GetBytes("RIFF\u0024\0\0\0WEBPVP8 "), FileType.Webp },
        { "docx", Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), FileType.Docx },
        { "doc", Ole("WordDocument"), FileType.Doc },
        { "xlsx is not Word", Zip("[Content_Types].xml", "xl/workbook.xml"), null },
        { "plain zip", Zip("readme.txt"), null },
        { "xls is not Word", Ole("Workbook"), null },
        { "text renamed .pdf", Encoding.UTF8.GetBytes("这不是PDF，只是一段文字。"), null },
        { "html", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), null },
        { "windows executable", [0x4D, 0x5A, 0x90, 0x00, 0x03], null },
        { "pdf magic too short", Encoding.ASCII.GetBytes("%PD"), null },
        { "broken zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3], null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Detect_ReadsTheContent_NotTheName(string sample, byte[] content, FileType? expected)
    {
        Assert.True(expected == FileSniffer.Detect(content), sample);
    }

    [Fact]
    public async Task CheckedFile_RejectsWhatIsNotAllowed_EmptyOrTooLarge()
    {
        var text = await CheckedFile.ReadAsync(new MemoryStream("只是文字"u8.ToArray()), "协议.pdf", 1024, FileTypes.DocumentsAndImages);
        Assert.Equal("file.type_not_allowed", text.Error?.Code);
        Assert.Contains("PDF", text.Error?.Message);

        var empty = await CheckedFile.ReadAsync(new MemoryStream(), "协议.pdf", 1024, FileTypes.DocumentsAndImages);
        Assert.Equal("file.empty", empty.Error?.Code);

        var big = new byte[1025];
        "%PDF-"u8.CopyTo(big);
        var tooLarge = await CheckedFile.ReadAsync(new MemoryStream(big), "协议.pdf", 1024, FileTypes.DocumentsAndImages);
        Assert.Equal("file.too_large", tooLarge.Error?.Code);

        var imagesOnly = await CheckedFile.ReadAsync(new MemoryStream("%PDF-1.4"u8.ToArray()), "a.pdf", 1024, new HashSet<FileType> { FileType.Png });
        Assert.Equal("file.type_not_allowed", imagesOnly.Error?.Code);

        var pdf = await CheckedFile.ReadAsync(new MemoryStream(big[..1024]), "协议.pdf", 1024, FileTypes.DocumentsAndImages);
        Assert.True(pdf.IsSuccess);
        Assert.Equal((FileType.Pdf, "application/pdf", 1024), (pdf.Value.Type, pdf.Value.ContentType, pdf.Value.Content.Length));
    }

    [Theory]
    [InlineData("联建协议.pdf", FileType.Pdf, "联建协议.pdf")]
    [InlineData("扫描件.JPEG", FileType.Jpeg, "扫描件.JPEG")]
    [InlineData("扫描件.pdf", FileType.Png, "扫描件.png")]
    [InlineData("协议", FileType.Docx, "协议.docx")]
    [InlineData(@"C:\Users\admin\Desktop\协议.pdf", FileType.Pdf, "协议.pdf")]
    [InlineData("../../etc/passwd.pdf", FileType.Pdf, "passwd.pdf")]
    [InlineData("", FileType.Pdf, "附件.pdf")]
    [InlineData(null, FileType.Png, "附件.png")]
    [InlineData(".pdf", FileType.Pdf, "附件.pdf")]
    [InlineData("a\u0000b\r\n.pdf", FileType.Pdf, "ab.pdf")]
    public void DisplayName_KeepsThePersonsName_WithTheRealExtension(string? sent, FileType type, string expected)
    {
        Assert.Equal(expected, CheckedFile.DisplayName(sent, type));
    }
}
