using Lianjian.Web.Platform.Results;
using MiniExcelLibs;

namespace Lianjian.Web.Platform.Exports;

/// <summary>One non-blank data row of an imported sheet, with its row number as Excel shows it.</summary>
public sealed class ExcelRow(ExcelLayout layout, int number, object?[] values)
{
    public int Number { get; } = number;

    /// <summary>The raw cell value (string, double, DateTime, bool) or null when blank or the column is absent.</summary>
    public object? this[ExcelColumn column] => values[layout.IndexOf(column)];

    public string? Text(ExcelColumn column) => ExcelCells.Text(this[column]);
}

/// <summary>
/// Reads the first row of a sheet as its header and every following non-blank row as data, streaming through
/// MiniExcel. Anything that is not a readable .xlsx (a renamed text or picture, a damaged zip, an old .xls, an oversize
/// upload, a sheet with other headers) becomes a Chinese <see cref="Error"/>, never an exception.
/// </summary>
public static class ExcelReader
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public static async Task<Result<IReadOnlyList<ExcelRow>>> ReadAsync(
        Stream content, ExcelLayout layout, int maxRows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var buffered = await BufferAsync(content, ct);
        if (!buffered.IsSuccess) return buffered.Error;
        var stream = buffered.Value;
        try
        {
            var head = new byte[4];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            stream.Position = 0;
            if (read == 0) return ExcelErrors.EmptyFile();
            if (read == 4 && head.AsSpan().SequenceEqual(OleSignature)) return ExcelErrors.OldFormat();
            if (read < 4 || !head.AsSpan().SequenceEqual(ZipSignature)) return ExcelErrors.NotExcel();
            return Parse(stream, layout, maxRows, progress, ct);
        }
        finally
        {
            if (!ReferenceEquals(stream, content)) await stream.DisposeAsync();
        }
    }

    private static Result<IReadOnlyList<ExcelRow>> Parse(Stream stream, ExcelLayout layout, int maxRows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        try
        {
            var sheets = MiniExcel.GetSheetNames(stream);
            stream.Position = 0;
            if (sheets.Count == 0) return ExcelErrors.EmptyWorkbook();
            var sheet = sheets.Contains(layout.SheetName) ? layout.SheetName : sheets[0];

            Dictionary<string, int>? columnOfLetter = null;
            var rows = new List<ExcelRow>();
            var number = 0;
            foreach (var item in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                number++;
                if ((number & 1023) == 0) ct.ThrowIfCancellationRequested();
                // Blank rows count towards the limit too, so a sheet of a million empty rows cannot keep us busy.
                if (number > maxRows * 2 + 1000) return ExcelErrors.TooManyRows(maxRows);
                var cells = (IDictionary<string, object?>)item;
                if (columnOfLetter is null)
                {
                    if (cells.Values.All(v => ExcelCells.Text(v) is null)) continue;
                    var header = ReadHeader(cells, layout);
                    if (!header.IsSuccess) return header.Error;
                    columnOfLetter = header.Value;
                    continue;
                }

                var values = new object?[layout.Columns.Count];
                var any = false;
                foreach (var (letter, index) in columnOfLetter)
                {
                    var value = cells.TryGetValue(letter, out var v) ? v : null;
                    if (value is string s && string.IsNullOrWhiteSpace(s)) value = null;
                    values[index] = value;
                    any |= value is not null;
                }

                if (!any) continue;
                if (rows.Count == maxRows) return ExcelErrors.TooManyRows(maxRows);
                rows.Add(new ExcelRow(layout, number, values));
                if (rows.Count % 1000 == 0) progress?.Report(new ImportProgress(ImportPhase.Reading, rows.Count, 0));
            }

            if (columnOfLetter is null) return ExcelErrors.EmptyWorkbook();
            progress?.Report(new ImportProgress(ImportPhase.Reading, rows.Count, rows.Count));
            return Result<IReadOnlyList<ExcelRow>>.Ok(rows);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MiniExcel parses hostile input: a damaged zip, a Word file renamed .xlsx, broken XML. Any failure there
            // means "this is not a readable workbook", which the person fixes by saving the file again.
            return ExcelErrors.Corrupt();
        }
    }

    private static Result<Dictionary<string, int>> ReadHeader(IDictionary<string, object?> cells, ExcelLayout layout)
    {
        var columnOfLetter = new Dictionary<string, int>();
        var unknown = new List<string>();
        foreach (var (letter, value) in cells)
        {
            var text = ExcelCells.Text(value);
            if (text is null) continue;
            var index = -1;
            for (var i = 0; i < layout.Columns.Count; i++)
            {
                if (layout.Columns[i].Matches(text))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0 || columnOfLetter.ContainsValue(index)) unknown.Add(index < 0 ? text : text + "（重复）");
            else columnOfLetter[letter] = index;
        }

        var missing = layout.Columns.Where((c, i) => c.Required && !columnOfLetter.ContainsValue(i)).Select(c => c.Header).ToList();
        if (missing.Count > 0 || unknown.Count > 0) return ExcelErrors.WrongHeaders(layout.SheetName, missing, unknown);
        return columnOfLetter;
    }

    /// <summary>MiniExcel needs to seek (an .xlsx is a zip); uploads from the browser arrive as a forward-only stream.</summary>
    private static async Task<Result<Stream>> BufferAsync(Stream content, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            if (length > ExcelErrors.MaxFileBytes) return ExcelErrors.TooLarge();
            if (length == 0) return ExcelErrors.EmptyFile();
            return content;
        }

        var temp = TempFile();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > ExcelErrors.MaxFileBytes)
            {
                await temp.DisposeAsync();
                return ExcelErrors.TooLarge();
            }

            await temp.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        temp.Position = 0;
        return temp;
    }

    /// <summary>A scratch file that disappears when closed.</summary>
    internal static FileStream TempFile() => new(
        Path.Combine(Path.GetTempPath(), "lianjian-" + Guid.NewGuid().ToString("N") + ".xlsx"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
