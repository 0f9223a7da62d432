namespace Lianjian.Web.Platform.Exports;

/// <summary>
/// One column of an import/export sheet: its Chinese header, whether an import needs it, the width in the written
/// workbook, and the note shown on the template's 填写说明 sheet.
/// </summary>
public sealed record ExcelColumn(string Header, string Note, bool Required = false, double Width = 16)
{
    /// <summary>Other headers accepted on import (older templates, hand-made sheets).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Header text compared without spaces and with half-width brackets, so "在职党员（是/否）" matches "在职党员(是/否)".</summary>
    public static string Normalize(string header) => new string(header.Where(c => !char.IsWhiteSpace(c)).ToArray())
        .Replace('（', '(').Replace('）', ')').Replace('／', '/');

    public bool Matches(string header)
    {
        var normalized = Normalize(header);
        return normalized == Normalize(Header) || Aliases.Any(a => Normalize(a) == normalized);
    }
}

/// <summary>The columns of one kind of sheet, in the order they are written.</summary>
public sealed class ExcelLayout(string sheetName, IReadOnlyList<ExcelColumn> columns)
{
    public string SheetName { get; } = sheetName;

    public IReadOnlyList<ExcelColumn> Columns { get; } = columns;

    public int IndexOf(ExcelColumn column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (ReferenceEquals(Columns[i], column)) return i;
        }

        throw new ArgumentException($"Column {column.Header} is not part of sheet {SheetName}.", nameof(column));
    }
}
