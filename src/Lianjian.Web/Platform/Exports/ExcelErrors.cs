using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Exports;

/// <summary>Why an uploaded file could not be read at all (as opposed to rows with wrong values).</summary>
public static class ExcelErrors
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static Error TooLarge() => Error.Validation("excel.too_large", $"文件超过 {MaxFileBytes / 1024 / 1024} MB 的上限，请拆分成几个文件分别导入。");

    public static Error NoFile() => Error.Validation("excel.no_file", "请选择要导入的 Excel 文件（.xlsx）。");

    public static Error BrokenUpload() => Error.Validation("excel.broken_upload", "上传的内容不完整或格式不正确，请重新选择文件上传。");

    public static Error EmptyFile() => Error.Validation("excel.empty_file", "上传的文件是空的（0 字节）。");

    public static Error OldFormat() => Error.Validation("excel.xls_not_supported", "不支持旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再导入。");

    public static Error NotExcel() => Error.Validation("excel.not_xlsx", "文件不是有效的 Excel 工作簿（.xlsx）。请下载导入模板，填写后直接上传，不要只修改文件扩展名。");

    public static Error Corrupt() => Error.Validation("excel.corrupt", "Excel 文件已损坏或无法读取，请在 Excel 中打开确认后重新保存为 .xlsx 再导入。");

    public static Error EmptyWorkbook() => Error.Validation("excel.empty", "工作簿里没有数据：第一行应为表头，从第二行起每行一条记录。");

    public static Error NoDataRows(int exampleRows = 0) => Error.Validation("excel.no_rows", exampleRows > 0
        ? "工作表里只有模板的示例行（导入时跳过），没有可导入的数据行。请从第二行起填写要导入的数据。"
        : "工作表只有表头，没有可导入的数据行。");

    public static Error TooManyRows(int max) => Error.Validation("excel.too_many_rows", $"一个文件最多导入 {max:N0} 行，请拆分成几个文件分别导入。");

    public static Error WrongHeaders(string sheet, IReadOnlyCollection<string> missing, IReadOnlyCollection<string> unknown)
    {
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add("缺少列：" + string.Join("、", missing));
        if (unknown.Count > 0) parts.Add("无法识别的列：" + string.Join("、", unknown));
        return Error.Validation("excel.wrong_headers", $"表头与{sheet}导入模板不一致（{string.Join("；", parts)}）。请下载导入模板，按模板第一行的列名填写。");
    }
}
