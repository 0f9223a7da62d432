using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Calendar.Queries;
using Lianjian.Web.Platform.Calendar.UseCases;

namespace Lianjian.Web.Ui.Admin.Calendar;

/// <summary>Consecutive dates with the same name and kind, read as the notice reads them: 春节 2月15日（周日）至2月23日（周一），共9天.</summary>
public sealed record CalendarRun(string Name, CalendarDayKind Kind, DateOnly First, DateOnly Last)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;

    public string Dates => First == Last ? Day(First) : $"{Day(First)}至{Day(Last)}";

    private static string Day(DateOnly date) => $"{date.Month}月{date.Day}日（{CalendarYearInput.Weekday(date)}）";

    public static IReadOnlyList<CalendarRun> Group(IEnumerable<CalendarDayRow> days)
    {
        var runs = new List<CalendarRun>();
        foreach (var day in days.OrderBy(d => d.Date))
        {
            if (runs.Count > 0 && runs[^1] is var last && last.Name == day.Name && last.Kind == day.Kind && last.Last.AddDays(1) == day.Date)
                runs[^1] = last with { Last = day.Date };
            else
                runs.Add(new CalendarRun(day.Name, day.Kind, day.Date, day.Date));
        }

        return runs;
    }
}
