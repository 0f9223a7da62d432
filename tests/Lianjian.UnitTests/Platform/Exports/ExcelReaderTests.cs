using System.IO.Compression;
using System.Text;
using Lianjian.Web.Platform.Exports;

namespace Lianjian.UnitTests.Platform.Exports;

/// <summary>The reader on hand-made workbooks: blank rows, a header further down, aliases, wrong headers, other sheets.</summary>
public class ExcelReaderTests
{
    private static readonly ExcelColumn Name = new("姓名", "", Required: true);
    private static readonly ExcelColumn InService = new("在职党员(是/否)", "") { Aliases = ["在职党员"] };
    private static readonly ExcelColumn Phone = new("手机号", "");
    private static readonly ExcelLayout Layout = new("人员", [Name, InService, Phone]);

    /// <summary>A minimal .xlsx with the given sheets; each cell is (reference, inline text or number).</summary>
    private static MemoryStream Workbook(params (string Sheet, (string Ref, object Value)[] Cells)[] sheets)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string path, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + string.Concat(sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
                + string.Concat(sheets.Select((s, i) => $"""<sheet name="{s.Sheet}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""")) + "</sheets></workbook>");
            Entry("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + string.Concat(sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""")) + "</Relationships>");
            for (var i = 0; i < sheets.Length; i++)
            {
                var rows = sheets[i].Cells.GroupBy(c => int.Parse(new string(c.Ref.Where(char.IsDigit).ToArray()))).OrderBy(g => g.Key);
                var data = string.Concat(rows.Select(r => $"<row r=\"{r.Key}\">" + string.Concat(r.Select(c => c.Value is string s
                    ? $"<c r=\"{c.Ref}\" t=\"inlineStr\"><is><t>{s}</t></is></c>"
                    : $"<c r=\"{c.Ref}\"><v>{Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)}</v></c>")) + "</row>"));
                Entry($"xl/worksheets/sheet{i + 1}.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{data}</sheetData></worksheet>""");
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static async Task<IReadOnlyList<ExcelRow>> ReadOk(Stream stream, int maxRows = 100)
    {
        var result = await ExcelReader.ReadAsync(stream, Layout, maxRows, null, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    [Fact]
    public async Task RowsKeepTheirExcelNumbers_BlankRowsAreSkipped_AndTheHeaderMayStartLower()
    {
        var file = Workbook(("人员", [
            ("A2", "姓名"), ("B2", "在职党员（是/否）"), ("C2", "手机号"),
            ("A3", "张三"), ("C3", 13857201234d),
            ("A4", " "),
            ("A6", "李四"), ("B6", "是"),
        ]));

        var rows = await ReadOk(file);

        Assert.Equal([3, 6], rows.Select(r => r.Number).ToArray());
        Assert.Equal(("张三", null, "13857201234"), (rows[0].Text(Name), rows[0].Text(InService), rows[0].Text(Phone)));
        Assert.Equal("是", rows[1].Text(InService));
    }

    [Fact]
    public async Task ColumnsMayComeInAnyOrder_AndOptionalOnesMayBeMissing_AndAliasesCount()
    {
        var rows = await ReadOk(Workbook(("人员", [("A1", "在职党员"), ("B1", "姓 名"), ("A2", "否"), ("B2", "王五")])));
        Assert.Equal(("王五", "否", null), (rows[0].Text(Name), rows[0].Text(InService), rows[0].Text(Phone)));
    }

    [Fact]
    public async Task WrongHeaders_NameWhatIsMissingAndWhatIsUnknown()
    {
        var result = await ExcelReader.ReadAsync(Workbook(("人员", [("A1", "名字"), ("B1", "手机号"), ("C1", "手机号"), ("A2", "张三")])), Layout, 100, null, CancellationToken.None);
        Assert.Equal("excel.wrong_headers", result.Error?.Code);
        Assert.Contains("缺少列：姓名", result.Error!.Message);
        Assert.Contains("无法识别的列：名字、手机号（重复）", result.Error.Message);
    }

    [Fact]
    public async Task TheSheetNamedLikeTheLayoutIsRead_EvenWhenItIsNotTheFirst()
    {
        var file = Workbook(("说明", [("A1", "请填写第二个工作表")]), ("人员", [("A1", "姓名"), ("A2", "赵六")]));
        Assert.Equal("赵六", (await ReadOk(file)).Single().Text(Name));
    }

    [Fact]
    public async Task TooManyRows_IsRefused_AndProgressIsReported()
    {
        var cells = new List<(string, object)> { ("A1", "姓名") };
        for (var i = 2; i <= 2502; i++) cells.Add(($"A{i}", "人" + i));
        var reports = new List<ImportProgress>();
        var progress = new SynchronousProgress(reports.Add);

        var ok = await ExcelReader.ReadAsync(Workbook(("人员", cells.ToArray())), Layout, 2501, progress, CancellationToken.None);
        Assert.Equal(2501, ok.Value.Count);
        Assert.Contains(reports, p => p is { Phase: ImportPhase.Reading, Done: 2000 });
        Assert.Equal(new ImportProgress(ImportPhase.Reading, 2501, 2501), reports[^1]);

        var tooMany = await ExcelReader.ReadAsync(Workbook(("人员", cells.ToArray())), Layout, 2500, null, CancellationToken.None);
        Assert.Equal("excel.too_many_rows", tooMany.Error?.Code);
    }

    [Fact]
    public async Task AForwardOnlyUpload_IsBuffered_AndItsSizeLimited()
    {
        var file = Workbook(("人员", [("A1", "姓名"), ("A2", "钱七")]));
        Assert.Equal("钱七", (await ReadOk(new ForwardOnly(file))).Single().Text(Name));

        var huge = new ForwardOnly(new MemoryStream(new byte[ExcelErrors.MaxFileBytes + 1]));
        Assert.Equal("excel.too_large", (await ExcelReader.ReadAsync(huge, Layout, 100, null, CancellationToken.None)).Error?.Code);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
