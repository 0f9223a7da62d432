using System.Globalization;

namespace Lianjian.Web.Platform.Exports;

/// <summary>
/// Turns cell values as MiniExcel reads them (string, double, DateTime, bool) into the text, numbers and dates of an
/// import row. Excel stores typed numbers as doubles, so long digit strings typed into a General cell arrive rounded.
/// </summary>
public static class ExcelCells
{
    /// <summary>Doubles carry 15 significant digits; an 18-digit ID number typed into a General cell has lost its tail.</summary>
    private const double LargestExactNumber = 1e15;

    // A date cell Excel did not format as a date arrives as its serial number; below 1910 it is more likely a typed year.
    private const double MinDateSerial = 3653;
    private const double MaxDateSerial = 2958465;

    private static readonly string[] DateFormats =
    [
        "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M", "yyyy/M", "yyyy.M", "yyyy年M月",
    ];

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        double d when d == Math.Floor(d) && Math.Abs(d) < LargestExactNumber => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => string.IsNullOrWhiteSpace(f.ToString(null, CultureInfo.InvariantCulture)) ? null : f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString()!.Trim(),
    };

    /// <summary>True when a cell holds a number too long for Excel to keep exactly (the digits after the 15th are gone).</summary>
    public static bool LostDigits(object? value) => value is double d && Math.Abs(d) >= LargestExactNumber;

    /// <summary>A date from a date cell, an Excel serial number, or text such as 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日.</summary>
    public static bool TryDate(object? value, out DateOnly? date)
    {
        date = null;
        switch (value)
        {
            case null:
                return true;
            case DateTime t:
                date = DateOnly.FromDateTime(t);
                return true;
            case double d when d >= MinDateSerial && d <= MaxDateSerial:
                date = DateOnly.FromDateTime(DateTime.FromOADate(d));
                return true;
            default:
                var text = Text(value);
                if (text is null) return true;
                if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
                {
                    date = DateOnly.FromDateTime(parsed);
                    return true;
                }

                return false;
        }
    }

    public static bool TryInt(object? value, out int? number)
    {
        number = null;
        switch (value)
        {
            case null:
                return true;
            case double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue:
                number = (int)d;
                return true;
            default:
                var text = Text(value);
                if (text is null) return true;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    number = parsed;
                    return true;
                }

                return false;
        }
    }

    /// <summary>是/否 (also Y/N, true/false, 1/0, √/×, a TRUE/FALSE cell); blank is "no answer".</summary>
    public static bool TryYesNo(object? value, out bool? answer)
    {
        answer = null;
        if (value is bool b)
        {
            answer = b;
            return true;
        }

        var text = Text(value);
        if (text is null) return true;
        answer = text.ToUpperInvariant() switch
        {
            "是" or "Y" or "YES" or "TRUE" or "1" or "√" or "对" => true,
            "否" or "N" or "NO" or "FALSE" or "0" or "×" or "不是" => false,
            _ => null,
        };
        return answer is not null;
    }

    /// <summary>Splits 农技、维修 (also ，, ; / and spaces between items).</summary>
    public static IReadOnlyList<string> List(object? value) =>
        Text(value) is { } text
            ? text.Split(['、', '，', ',', '；', ';', '/', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
}
