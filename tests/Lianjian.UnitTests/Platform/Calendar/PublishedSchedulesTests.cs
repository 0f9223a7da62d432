using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Calendar.UseCases;

namespace Lianjian.UnitTests.Platform.Calendar;

/// <summary>The shipped 2026 schedule says what the notice says, day for day.</summary>
public class PublishedSchedulesTests
{
    private static readonly PublishedSchedule Year2026 = PublishedSchedules.Year2026;

    [Theory]
    [InlineData("元旦", 3)]
    [InlineData("春节", 9)]
    [InlineData("清明节", 3)]
    [InlineData("劳动节", 5)]
    [InlineData("端午节", 3)]
    [InlineData("中秋节", 3)]
    [InlineData("国庆节", 7)]
    public void Holidays_HaveTheNoticesLength(string name, int days)
    {
        Assert.Equal(days, Year2026.Days.Count(d => d.Name == name && d.Kind == CalendarDayKind.Holiday));
    }

    [Fact]
    public void MakeUpDays_AreTheNoticesSixWeekendDays()
    {
        var workdays = Year2026.Days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date.ToString("MM-dd")).ToList();
        Assert.Equal(["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"], workdays);
        Assert.All(Year2026.Days.Where(d => d.Kind == CalendarDayKind.Workday), d => Assert.True(d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(39, Year2026.Days.Count);
    }

    [Fact]
    public void TheShippedSchedule_PassesTheRulesAnAdminsEntryMust()
    {
        var input = new CalendarYearInput(Year2026.Source, Year2026.Days.Select(d => new CalendarDayInput(d.Date, d.Kind, d.Name)).ToList());
        Assert.True(input.Validate(2026).IsValid);
        Assert.True(Year2026.Source.Length <= CalendarYear.SourceMax);
    }
}
