using System.Net.Http.Headers;
using MiniExcelLibs;

namespace Lianjian.IntegrationTests.Infrastructure;

/// <summary>Builds .xlsx files the way a person fills the templates (headers written out here, not taken from the app).</summary>
public static class Workbooks
{
    public static readonly string[] PeopleHeaders =
        ["姓名", "人员类别", "所属组织", "手机号", "身份证号", "性别", "出生日期", "党员类别", "入党日期", "在职党员(是/否)", "职务", "技能(、分隔)", "标签", "备注"];

    public static readonly string[] OrganizationHeaders = ["组织名称", "组织类型", "上级组织", "组织代码", "地址", "联系人", "联系电话", "排序号"];

    public static byte[] Sheet(string sheetName, string[] headers, IEnumerable<object?[]> rows)
    {
        var dictionaries = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Length; i++) row[headers[i]] = i < r.Length ? r[i] : null;
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        if (dictionaries.Count == 0)
        {
            stream.SaveAs(new[] { headers.ToDictionary(h => h, h => (object?)h) }, printHeader: false, sheetName: sheetName);
        }
        else
        {
            stream.SaveAs(dictionaries, sheetName: sheetName);
        }

        return stream.ToArray();
    }

    public static byte[] People(params object?[][] rows) => Sheet("人员", PeopleHeaders, rows);

    public static byte[] Organizations(params object?[][] rows) => Sheet("组织", OrganizationHeaders, rows);

    /// <summary>A party member row: name, kind, home, phone, ID number; other columns filled plausibly.</summary>
    public static object?[] Member(string name, string home, string? phone = null, string? idNumber = null) =>
        [name, "党员", home, phone, idNumber, "女", "1985-03-12", "正式党员", "2010-07-01", "是", "党员志愿者", "医疗、理发", "在职党员", "导入测试"];

    public static MultipartFormDataContent Upload(byte[] file, string fileName = "导入.xlsx")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    /// <summary>Every row of the first sheet as text, header row included (how a person sees it in Excel).</summary>
    public static List<string?[]> Read(byte[] file, string? sheetName = null)
    {
        using var stream = new MemoryStream(file);
        return stream.Query(useHeaderRow: false, sheetName: sheetName)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v is null or "" ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToList();
    }

    private static int _idNumbers = Random.Shared.Next(0, 5_000_000);

    /// <summary>A new 18-digit ID number of valid shape (the app checks the shape, not the checksum), never repeated in a test run.</summary>
    public static string NextIdNumber() => "3309021990" + Interlocked.Increment(ref _idNumbers).ToString("D7") + "X";

    /// <summary>A short suffix that makes names of one test unique in the shared database.</summary>
    public static string Suffix() => Guid.NewGuid().ToString("N")[..6];
}
