namespace Lianjian.Web.Platform.Exports;

/// <summary>One reason a row of an imported sheet was rejected: the Excel row number (as Excel shows it), the column header, and a Chinese reason.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

public enum ImportPhase
{
    Reading,
    Validating,
    Saving,
    Completed,
}

/// <summary>Reported while an import runs; <see cref="Total"/> is 0 while the total is not yet known (reading the file).</summary>
public sealed record ImportProgress(ImportPhase Phase, int Done, int Total)
{
    public string PhaseLabel => Phase switch
    {
        ImportPhase.Reading => "读取文件",
        ImportPhase.Validating => "校验数据",
        ImportPhase.Saving => "写入数据库",
        _ => "完成",
    };

    /// <summary>0–100 over the whole import: reading is the first 20 %, validating the next 30 %, saving the last 50 %.</summary>
    public double Percent => Phase switch
    {
        ImportPhase.Reading => Total > 0 ? 20.0 * Done / Total : 0,
        ImportPhase.Validating => 20 + (Total > 0 ? 30.0 * Done / Total : 0),
        ImportPhase.Saving => 50 + (Total > 0 ? 50.0 * Done / Total : 0),
        _ => 100,
    };
}

/// <summary>
/// What an import did. All-or-nothing: when <see cref="Errors"/> is not empty, <see cref="Created"/> is 0 and nothing was
/// written. <see cref="BadRows"/> counts every rejected row even when the error list is capped (<see cref="ErrorsTruncated"/>).
/// </summary>
public sealed record ImportOutcome(
    int Rows,
    int Created,
    int Skipped,
    int BadRows,
    IReadOnlyList<ImportRowError> Errors,
    bool ErrorsTruncated,
    TimeSpan Elapsed)
{
    /// <summary>Listing every message of a pathological file would make a response of many megabytes; every bad row is still counted.</summary>
    public const int MaxListedErrors = 10_000;

    public bool Succeeded => BadRows == 0;

    public static ImportOutcome Rejected(int rows, int skipped, List<ImportRowError> errors, TimeSpan elapsed)
    {
        var ordered = errors.OrderBy(e => e.Row).ToList();
        var badRows = ordered.Select(e => e.Row).Distinct().Count();
        var truncated = ordered.Count > MaxListedErrors;
        return new ImportOutcome(rows, 0, skipped, badRows, truncated ? ordered[..MaxListedErrors] : ordered, truncated, elapsed);
    }

    public static ImportOutcome Done(int rows, int created, int skipped, TimeSpan elapsed) => new(rows, created, skipped, 0, [], false, elapsed);

    public string Summary => Succeeded
        ? $"导入成功：新增 {Created} 条" + (Skipped > 0 ? $"，跳过示例行 {Skipped} 行" : "") + "。"
        : $"有 {BadRows} 行数据有误，未导入任何数据。请按下列行号和原因修改后重新导入。";
}

/// <summary>Collects the errors of one row, so that every problem of the row is reported, not just the first.</summary>
public sealed class RowErrors(int row)
{
    private readonly List<ImportRowError> _errors = [];

    public int Row { get; } = row;

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<ImportRowError> Items => _errors;

    public bool Has(ExcelColumn column) => _errors.Any(e => e.Column == column.Header);

    public RowErrors Add(ExcelColumn column, string message)
    {
        _errors.Add(new ImportRowError(Row, column.Header, message));
        return this;
    }

    /// <summary>
    /// Adds the field messages of a validation error (from the use case's own input validation) under the column of
    /// each field; columns that already failed to parse keep only the parse message.
    /// </summary>
    public RowErrors AddValidation(Results.Error error, IReadOnlyDictionary<string, ExcelColumn> columnOfField, ExcelColumn fallback)
    {
        if (error.Fields is not { Count: > 0 } fields)
        {
            return Add(fallback, error.Message);
        }

        var unparsable = _errors.Select(e => e.Column).ToHashSet();
        foreach (var (field, messages) in fields)
        {
            var column = columnOfField.GetValueOrDefault(field, fallback);
            if (unparsable.Contains(column.Header)) continue;
            foreach (var message in messages) Add(column, message);
        }

        return this;
    }
}
