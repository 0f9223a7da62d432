using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Platform.Calendar;

public static class CalendarErrors
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static bool IsSupportedYear(int year) => year is >= MinYear and <= MaxYear;

    public static Error YearOutOfRange(int year) =>
        Error.Validation("calendar.year_out_of_range", $"年份{year}不在工作日历支持的范围内（{MinYear}–{MaxYear}年）。");

    public static Error YearNotEntered(int year) => Error.NotFound("calendar.year_not_entered", $"{year}年的节假日安排尚未录入。");

    public static Error ChangedMeanwhile(int year) =>
        Error.Conflict("calendar.changed_meanwhile", $"{year}年的节假日安排刚被他人修改，请刷新后重试。");
}
