using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Calendar.Queries;
using Lianjian.Web.Ui.Admin.Calendar;

namespace Lianjian.UnitTests.Platform.Calendar;

/// <summary>The calendar page lists the entered dates as the notice reads them: one line per holiday, one per make-up day.</summary>
public class CalendarRunTests
{
    [Fact]
    public void Year2026_ReadsAsTheNotice()
    {
        var days = PublishedSchedules.Year2026.Days.Select(d => new CalendarDayRow(d.Date, d.Kind, d.Name)).Reverse();
        var runs = CalendarRun.Group(days);

        Assert.Equal(13, runs.Count);
        var springFestival = Assert.Single(runs, r => r.Name == "春节");
        Assert.Equal(("2月15日（周日）至2月23日（周一）", 9), (springFestival.Dates, springFestival.Days));
        Assert.Equal(["2月14日（周六）", "2月28日（周六）"], runs.Where(r => r.Name == "春节调休上班").Select(r => r.Dates));
        Assert.Equal(7, Assert.Single(runs, r => r.Name == "国庆节").Days);
    }
}
