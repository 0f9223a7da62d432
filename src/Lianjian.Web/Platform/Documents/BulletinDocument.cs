using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Lianjian.Web.Platform.Documents;

/// <summary>
/// A Word document (.docx) in the layout of a government bulletin (通报/简报, after GB/T 9704-2012 党政机关公文格式):
/// A4 with the standard margins, a red masthead (红头) in 宋体, the issue line (期号, issuing organ, date) above a red
/// rule, headings in 黑体, body text in 仿宋 三号 indented two characters, bordered tables with 黑体 headers, and the page
/// number in the footer. Every run names its East Asian font (<c>w:eastAsia</c>), so Word shows the Chinese in the
/// intended face rather than falling back to the Latin one. Add blocks in reading order, then <see cref="ToBytes"/>.
/// </summary>
public sealed class BulletinDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Font names as Word knows them; the Chinese names are what a Chinese Windows/WPS installation lists.
    public const string SongTi = "宋体";
    public const string HeiTi = "黑体";
    public const string FangSong = "仿宋";
    public const string KaiTi = "楷体";

    private const string Red = "FF0000";

    // Sizes in half-points: 初号 42pt, 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt.
    private const int MastheadSize = 72;
    private const int TitleSize = 44;
    private const int BodySize = 32;
    private const int IssueSize = 32;
    private const int TableSize = 24;
    private const int SmallTableSize = 21;

    // A4 in twentieths of a point, and the GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 2098;
    private const int MarginBottom = 1984;
    private const int MarginLeft = 1588;
    private const int MarginRight = 1474;
    private const int TypeAreaWidth = PageWidth - MarginLeft - MarginRight;

    private readonly List<OpenXmlElement> _blocks = [];

    /// <summary>The red masthead (红头), e.g. “联建工作通报”.</summary>
    public BulletinDocument Masthead(string text)
    {
        _blocks.Add(Para(Justify(JustificationValues.Center, spacingAfter: 120), Text(text, SongTi, MastheadSize, bold: true, color: Red)));
        return this;
    }

    /// <summary>The issue line under the masthead: 期号 centered, then the issuing organ on the left and the date on the right, over a red rule.</summary>
    public BulletinDocument IssueLine(string issue, string organ, string date)
    {
        _blocks.Add(Para(Justify(JustificationValues.Center, spacingAfter: 240), Text(issue, FangSong, IssueSize)));
        // The red rule: the paragraph's bottom border (GB/T 9704: a red line the width of the type area).
        var properties = Justify(JustificationValues.Left, spacingAfter: 360,
            border: new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Color = Red, Size = 18, Space = 6 }),
            tabs: new Tabs(new TabStop { Val = TabStopValues.Right, Position = TypeAreaWidth }));
        _blocks.Add(Para(properties, Text(organ, FangSong, IssueSize), new Run(new TabChar()), Text(date, FangSong, IssueSize)));
        return this;
    }

    /// <summary>The document's own title under the rule, centered (宋体 二号, bold).</summary>
    public BulletinDocument Title(string text)
    {
        _blocks.Add(Para(Justify(JustificationValues.Center, spacingBefore: 240, spacingAfter: 360), Text(text, SongTi, TitleSize, bold: true)));
        return this;
    }

    /// <summary>A first-level heading (“一、总体情况”) in 黑体 三号.</summary>
    public BulletinDocument Heading(string text)
    {
        _blocks.Add(Para(Justify(JustificationValues.Left, spacingBefore: 120, spacingAfter: 60, keepNext: true, indent: true), Text(text, HeiTi, BodySize)));
        return this;
    }

    /// <summary>A second-level heading (“（一）…”) in 楷体 三号.</summary>
    public BulletinDocument Subheading(string text)
    {
        _blocks.Add(Para(Justify(JustificationValues.Left, spacingBefore: 60, spacingAfter: 60, keepNext: true, indent: true), Text(text, KaiTi, BodySize)));
        return this;
    }

    /// <summary>A body paragraph in 仿宋 三号, the first line indented two characters.</summary>
    public BulletinDocument Paragraph(string text)
    {
        _blocks.Add(Para(Justify(JustificationValues.Both, indent: true), Text(text, FangSong, BodySize)));
        return this;
    }

    /// <summary>
    /// A bordered table the width of the type area: the header row in 黑体 (repeated on every page), the cells in 仿宋 (小四;
    /// 五号 from six columns on), centered. <paramref name="widths"/> are relative column widths (equal when omitted).
    /// </summary>
    public BulletinDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<double>? widths = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(headers.Count);
        if (widths is not null && widths.Count != headers.Count) throw new ArgumentException("One width per column.", nameof(widths));
        var weights = widths ?? headers.Select(_ => 1.0).ToList();
        var twips = weights.Select(w => (int)(TypeAreaWidth * w / weights.Sum())).ToList();
        var size = headers.Count >= 6 ? SmallTableSize : TableSize;
        var border = new Func<BorderType, BorderType>(b =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            b.Color = "000000";
            return b;
        });
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TypeAreaWidth.ToString() },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(
                border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString() })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < headers.Count; i++) header.Append(Cell(headers[i], HeiTi, size, twips[i], shaded: true));
        table.Append(header);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < headers.Count; i++) tr.Append(Cell(i < row.Count ? row[i] : "", FangSong, size, twips[i], shaded: false));
            table.Append(tr);
        }

        _blocks.Add(table);
        // Word needs a paragraph between two tables (else it merges them) and after the last one.
        _blocks.Add(Para(Justify(JustificationValues.Left, spacingAfter: 120)));
        return this;
    }

    /// <summary>The signature block at the end: the organ and the date, right-aligned.</summary>
    public BulletinDocument Signature(string organ, string date)
    {
        _blocks.Add(Para(Justify(JustificationValues.Right, spacingBefore: 480), Text(organ, FangSong, BodySize)));
        _blocks.Add(Para(Justify(JustificationValues.Right), Text(date, FangSong, BodySize)));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddDefaults(main);
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();
            var body = new Body(_blocks.Select(b => b.CloneNode(true)));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 851, Footer = 992, Gutter = 0 },
                new DocGrid { Type = DocGridValues.Lines, LinePitch = 579 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Defaults for anything without its own properties: 仿宋, Chinese language, so empty paragraphs and fields look right too.</summary>
    private static void AddDefaults(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(FangSong),
                new FontSize { Val = BodySize.ToString() },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))));
        styles.Styles.Save();
    }

    /// <summary>“— 1 —” centered: the page number as a PAGE field, in 宋体 四号 (GB/T 9704 puts it bottom, with dashes).</summary>
    private static Footer PageNumberFooter()
    {
        RunProperties Props() => new(Fonts(SongTi), new FontSize { Val = "28" });
        return new Footer(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = JustificationValues.Center }),
            new Run(Props(), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Props(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(Props(), new Text("1")),
            new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(Props(), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
    }

    private static TableCell Cell(string text, string font, int size, int width, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString() });
        if (shaded) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F2F2F2" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        // Single spacing, off the page's line grid: the body's fixed 28-point lines would make every table row tall.
        var paragraph = new ParagraphProperties(
            new SnapToGrid { Val = false },
            new SpacingBetweenLines { Line = "260", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
            new Justification { Val = JustificationValues.Center });
        return new TableCell(properties, Para(paragraph, Text(text, font, size)));
    }

    private static RunFonts Fonts(string font) => new()
    {
        Ascii = font,
        HighAnsi = font,
        EastAsia = font,
        ComplexScript = font,
        Hint = FontTypeHintValues.EastAsia,
    };

    private static Run Text(string text, string font, int size, bool bold = false, string? color = null)
    {
        var properties = new RunProperties(Fonts(font));
        if (bold) properties.Append(new Bold());
        if (color is not null) properties.Append(new Color { Val = color });
        properties.Append(new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>Paragraph properties, appended in the order the schema requires (Word rejects a file with them out of order).</summary>
    private static ParagraphProperties Justify(JustificationValues value, int spacingBefore = 0, int spacingAfter = 0, bool keepNext = false,
        bool indent = false, ParagraphBorders? border = null, Tabs? tabs = null)
    {
        var properties = new ParagraphProperties();
        if (keepNext) properties.Append(new KeepNext());
        if (border is not null) properties.Append(border);
        if (tabs is not null) properties.Append(tabs);
        if (spacingBefore > 0 || spacingAfter > 0) properties.Append(new SpacingBetweenLines { Before = spacingBefore.ToString(), After = spacingAfter.ToString() });
        if (indent) properties.Append(Indent());
        properties.Append(new Justification { Val = value });
        return properties;
    }

    /// <summary>Two characters of first-line indent, in character units (so it follows the font size) and in twips for older readers.</summary>
    private static Indentation Indent() => new() { FirstLineChars = 200, FirstLine = (BodySize * 10 * 2).ToString() };

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(ParagraphProperties properties, params OpenXmlElement[] content)
    {
        var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }
}
