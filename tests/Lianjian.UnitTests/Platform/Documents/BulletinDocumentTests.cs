using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Lianjian.Web.Platform.Documents;

namespace Lianjian.UnitTests.Platform.Documents;

public sealed class BulletinDocumentTests
{
    private static byte[] Sample() => new BulletinDocument()
        .Masthead("联建工作通报")
        .IssueLine("2026年第3期", "中共定海区委组织部", "2026年10月1日")
        .Title("关于2026年第三季度工单办理情况的通报")
        .Heading("一、总体情况")
        .Paragraph("本季度共受理工单12件，办结率91.67%。")
        .Table(["单位", "受理", "办结"], [["三龙村", "7", "6"], ["长白村", "5", "5"]])
        .Signature("中共定海区委组织部", "2026年10月1日")
        .ToBytes();

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    [Fact]
    public void The_document_is_valid_Office_Open_XML()
    {
        using var word = Open(Sample());
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void The_text_and_the_table_cells_read_back()
    {
        using var word = Open(Sample());
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal("联建工作通报", paragraphs[0]);
        Assert.Equal("2026年第3期", paragraphs[1]);
        Assert.Equal("中共定海区委组织部2026年10月1日", paragraphs[2]);
        Assert.Contains("一、总体情况", paragraphs);
        Assert.Contains("本季度共受理工单12件，办结率91.67%。", paragraphs);

        var table = Assert.Single(body.Elements<Table>());
        var cells = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal([["单位", "受理", "办结"], ["三龙村", "7", "6"], ["长白村", "5", "5"]], cells);
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>());
        var borders = table.GetFirstChild<TableProperties>()!.TableBorders!;
        Assert.Equal(BorderValues.Single, borders.InsideHorizontalBorder!.Val!.Value);
        Assert.Equal(BorderValues.Single, borders.InsideVerticalBorder!.Val!.Value);
    }

    [Fact]
    public void The_layout_is_a_government_bulletins()
    {
        using var word = Open(Sample());
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();

        // 红头: red, large, centered, 宋体 named for East Asian text.
        var masthead = paragraphs[0];
        var run = masthead.Elements<Run>().Single().RunProperties!;
        Assert.Equal("FF0000", run.Color!.Val!.Value);
        Assert.True(int.Parse(run.FontSize!.Val!.Value!) >= 52);
        Assert.Equal(BulletinDocument.SongTi, run.RunFonts!.EastAsia!.Value);
        Assert.Equal(JustificationValues.Center, masthead.ParagraphProperties!.Justification!.Val!.Value);

        // The red rule under the issue line.
        var rule = paragraphs[2].ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal("FF0000", rule.Color!.Value);

        // Headings in 黑体, body in 仿宋 indented two characters.
        Assert.Equal(BulletinDocument.HeiTi, paragraphs.Single(p => p.InnerText == "一、总体情况").Descendants<RunFonts>().Single().EastAsia!.Value);
        var text = paragraphs.Single(p => p.InnerText.StartsWith("本季度", StringComparison.Ordinal));
        Assert.Equal(BulletinDocument.FangSong, text.Descendants<RunFonts>().Single().EastAsia!.Value);
        Assert.Equal(200, text.ParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.Equal(BulletinDocument.HeiTi, body.Descendants<TableRow>().First().Descendants<RunFonts>().First().EastAsia!.Value);

        // A4, GB/T 9704 margins, the page number (PAGE field) in the footer.
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.Equal(16838u, section.GetFirstChild<PageSize>()!.Height!.Value);
        Assert.Equal(2098, section.GetFirstChild<PageMargin>()!.Top!.Value);
        var footer = word.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        Assert.Equal(word.MainDocumentPart.GetIdOfPart(word.MainDocumentPart.FooterParts.Single()), section.GetFirstChild<FooterReference>()!.Id!.Value);
    }
}
