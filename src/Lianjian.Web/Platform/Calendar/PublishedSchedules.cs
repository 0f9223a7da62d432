namespace Lianjian.Web.Platform.Calendar;

/// <summary>A published schedule: its year, the notice it comes from, and every holiday and make-up working day.</summary>
public sealed record PublishedSchedule(int Year, string Source, IReadOnlyList<PublishedDay> Days)
{
    public WorkingCalendar ToCalendar() => new(Days.Select(d => KeyValuePair.Create(d.Date, d.Kind)), [Year]);
}

public sealed record PublishedDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// The schedules that ship with the application (migrations seed them). Later years are entered by admins in the back
/// office when the State Council publishes them, usually in November of the year before.
/// </summary>
public static class PublishedSchedules
{
    /// <summary>When and by whom the shipped rows count as entered.</summary>
    public static readonly DateTime ShippedAt = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    public const string ShippedBy = "系统（随版本发布）";

    /// <summary>
    /// 国务院办公厅关于2026年部分节假日安排的通知, dated 4 November 2025 (published by Xinhua the same day):
    /// 元旦 1月1日–3日, 1月4日(周日)上班; 春节 2月15日–23日, 2月14日(周六)、2月28日(周六)上班; 清明节 4月4日–6日;
    /// 劳动节 5月1日–5日, 5月9日(周六)上班; 端午节 6月19日–21日; 中秋节 9月25日–27日;
    /// 国庆节 10月1日–7日, 9月20日(周日)、10月10日(周六)上班.
    /// </summary>
    public static PublishedSchedule Year2026 { get; } = new(2026, "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    [
        .. Holidays("元旦", 2026, 1, 1, 3), Workday("元旦调休上班", 2026, 1, 4),
        Workday("春节调休上班", 2026, 2, 14), .. Holidays("春节", 2026, 2, 15, 23), Workday("春节调休上班", 2026, 2, 28),
        .. Holidays("清明节", 2026, 4, 4, 6),
        .. Holidays("劳动节", 2026, 5, 1, 5), Workday("劳动节调休上班", 2026, 5, 9),
        .. Holidays("端午节", 2026, 6, 19, 21),
        Workday("国庆节调休上班", 2026, 9, 20),
        .. Holidays("中秋节", 2026, 9, 25, 27),
        .. Holidays("国庆节", 2026, 10, 1, 7), Workday("国庆节调休上班", 2026, 10, 10),
    ]);

    public static IReadOnlyList<PublishedSchedule> All { get; } = [Year2026];

    private static IEnumerable<PublishedDay> Holidays(string name, int year, int month, int firstDay, int lastDay) =>
        Enumerable.Range(firstDay, lastDay - firstDay + 1).Select(day => new PublishedDay(new DateOnly(year, month, day), CalendarDayKind.Holiday, name));

    private static PublishedDay Workday(string name, int year, int month, int day) => new(new DateOnly(year, month, day), CalendarDayKind.Workday, name);
}
