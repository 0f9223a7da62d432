using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Lianjian.Web.Platform.Exports;

/// <summary>
/// Writes sheets in the column order of an <see cref="ExcelLayout"/>. Every value is written as text, so phone and ID
/// numbers stay exactly as they are (Excel would round an 18-digit number) and an export imports again unchanged.
/// </summary>
public static class ExcelWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string InstructionsSheet = "填写说明";

    /// <summary>A small in-memory workbook: the data sheet with its headers and example rows, and a 填写说明 sheet.</summary>
    public static async Task<Stream> TemplateAsync(ExcelLayout layout, IReadOnlyList<object?[]> examples, IReadOnlyList<string> notes, CancellationToken ct)
    {
        var instructions = layout.Columns
            .Select(c => new Dictionary<string, object?> { ["列名"] = c.Header, ["是否必填"] = c.Required ? "必填" : "选填", ["填写说明"] = c.Note })
            .Concat(notes.Select(n => new Dictionary<string, object?> { ["列名"] = "", ["是否必填"] = "", ["填写说明"] = n }))
            .ToList();
        var sheets = new Dictionary<string, object>
        {
            [layout.SheetName] = examples.Select(e => Row(layout, e)).ToList(),
            [InstructionsSheet] = instructions,
        };
        var configuration = Configuration(layout);
        configuration.DynamicColumns =
        [
            .. configuration.DynamicColumns!,
            new DynamicExcelColumn("列名") { Width = 20 },
            new DynamicExcelColumn("是否必填") { Width = 10 },
            new DynamicExcelColumn("填写说明") { Width = 90 },
        ];
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, configuration: configuration, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// Streams <paramref name="rows"/> into a scratch file (deleted when the returned stream is closed) and returns it
    /// positioned at the start: rows are never all in memory, and a failure surfaces before the download begins.
    /// </summary>
    public static async Task<Stream> WriteAsync(ExcelLayout layout, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var file = ExcelReader.TempFile();
        try
        {
            await using var enumerator = rows.GetAsyncEnumerator(ct);
            if (await enumerator.MoveNextAsync())
            {
                await file.SaveAsAsync(Rest(layout, enumerator), sheetName: layout.SheetName, configuration: Configuration(layout), cancellationToken: ct);
            }
            else
            {
                // MiniExcel takes the header from the first dictionary; with no rows, write the header as the only row.
                var header = new Dictionary<string, object?>();
                foreach (var column in layout.Columns) header[column.Header] = column.Header;
                await file.SaveAsAsync(new[] { header }, printHeader: false, sheetName: layout.SheetName, configuration: Configuration(layout), cancellationToken: ct);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> Rest(ExcelLayout layout, IAsyncEnumerator<object?[]> enumerator)
    {
        do
        {
            yield return Row(layout, enumerator.Current);
        }
        while (await enumerator.MoveNextAsync());
    }

    private static Dictionary<string, object?> Row(ExcelLayout layout, object?[] values)
    {
        var row = new Dictionary<string, object?>(layout.Columns.Count);
        for (var i = 0; i < layout.Columns.Count; i++) row[layout.Columns[i].Header] = i < values.Length ? ExcelCells.Text(values[i]) : null;
        return row;
    }

    private static OpenXmlConfiguration Configuration(ExcelLayout layout) => new()
    {
        FreezeRowCount = 1,
        AutoFilter = true,
        DynamicColumns = [.. layout.Columns.Select(c => new DynamicExcelColumn(c.Header) { Width = c.Width })],
    };
}
