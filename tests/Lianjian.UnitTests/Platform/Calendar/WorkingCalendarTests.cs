using System.Globalization;
using Lianjian.Web.Platform.Calendar;

namespace Lianjian.UnitTests.Platform.Calendar;

/// <summary>Deadlines on the real 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知). Times are China time.</summary>
public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Year2026 = PublishedSchedules.Year2026.ToCalendar();

    /// <summary>"2026-02-13 10:00" China time → the UTC instant.</summary>
    private static DateTime China(string time) =>
        DateTime.SpecifyKind(DateTime.ParseExact(time, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) - ChinaClock.Offset, DateTimeKind.Utc);

    private static string InChina(DateTime utc) => (utc + ChinaClock.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    // 2-14 (Sat) is a make-up working day, so one working day from Friday ends on Saturday.
    [InlineData("2026-02-13 10:00", 1, "2026-02-14 10:00")]
    // Then 春节 2-15 … 2-23: the second working day ends on Tuesday 2-24.
    [InlineData("2026-02-13 10:00", 2, "2026-02-24 10:00")]
    [InlineData("2026-02-14 10:00", 1, "2026-02-24 10:00")]
    // 2-28 (Sat) is a make-up working day too; 3-1 (Sun) is not.
    [InlineData("2026-02-27 16:00", 1, "2026-02-28 16:00")]
    [InlineData("2026-02-27 16:00", 2, "2026-03-02 16:00")]
    public void Deadline_AcrossSpringFestival_CountsMakeUpDaysAndSkipsHolidays(string start, int days, string expected)
    {
        Assert.Equal(expected, InChina(Year2026.Deadline(China(start), TimeLimit.InWorkingDays(days))));
    }

    [Theory]
    // 国庆节 10-1 … 10-7; 9-30 (Wed) is an ordinary working day, 10-8 (Thu) the first one after.
    [InlineData("2026-09-30 10:00", 1, "2026-10-08 10:00")]
    [InlineData("2026-09-30 10:00", 2, "2026-10-09 10:00")]
    // 10-10 (Sat) is a make-up working day; 10-11 (Sun) is not.
    [InlineData("2026-09-30 10:00", 3, "2026-10-10 10:00")]
    [InlineData("2026-09-30 10:00", 4, "2026-10-12 10:00")]
    // 9-20 (Sun) is the other 国庆 make-up day; 9-25 … 9-27 is 中秋节.
    [InlineData("2026-09-18 10:00", 1, "2026-09-20 10:00")]
    [InlineData("2026-09-24 09:00", 1, "2026-09-28 09:00")]
    public void Deadline_AcrossNationalDay_CountsBothMakeUpDays(string start, int days, string expected)
    {
        Assert.Equal(expected, InChina(Year2026.Deadline(China(start), TimeLimit.InWorkingDays(days))));
    }

    [Theory]
    // Submitted during a holiday: the clock starts at 00:00 of the first working day and one day runs to its 24:00.
    [InlineData("2026-02-16 09:00", 1, "2026-02-25 00:00")]
    [InlineData("2026-10-01 15:00", 1, "2026-10-09 00:00")]
    [InlineData("2026-10-01 15:00", 2, "2026-10-10 00:00")]
    [InlineData("2026-05-02 11:00", 1, "2026-05-07 00:00")]
    // An ordinary Saturday counts nothing either.
    [InlineData("2026-03-07 10:00", 1, "2026-03-10 00:00")]
    public void Deadline_FromAHolidayOrWeekend_StartsOnTheNextWorkingDay(string start, int days, string expected)
    {
        Assert.Equal(expected, InChina(Year2026.Deadline(China(start), TimeLimit.InWorkingDays(days))));
    }

    [Theory]
    [InlineData("2026-02-14 20:00", 6, "2026-02-15 02:00")]
    [InlineData("2026-02-13 10:00", 72, "2026-02-16 10:00")]
    [InlineData("2026-09-30 22:00", 24, "2026-10-01 22:00")]
    public void Deadline_InHours_RunsOnTheClockThroughHolidays(string start, int hours, string expected)
    {
        Assert.Equal(expected, InChina(Year2026.Deadline(China(start), TimeLimit.InHours(hours))));
    }

    [Fact]
    public void UnscheduledYear_IsFlagged_AndCountsMondayToFriday()
    {
        Assert.True(Year2026.HasSchedule(2026));
        Assert.False(Year2026.HasSchedule(2027));
        Assert.Equal([2026], Year2026.ScheduledYears);

        // 2027-01-01 is a Friday: without an entered schedule it is an ordinary working day, never a guessed holiday.
        Assert.True(Year2026.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(Year2026.IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.Equal("2027-01-04 10:00", InChina(Year2026.Deadline(China("2027-01-01 10:00"), TimeLimit.InWorkingDays(1))));
        Assert.Equal("2027-02-08 10:00", InChina(Year2026.Deadline(China("2027-02-05 10:00"), TimeLimit.InWorkingDays(1))));

        Assert.False(WorkingCalendar.Empty.HasSchedule(2026));
        Assert.True(WorkingCalendar.Empty.IsWorkingDay(new DateOnly(2026, 2, 16)));
        Assert.False(WorkingCalendar.Empty.IsWorkingDay(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void Deadline_FromTheLastWorkingDayOf2026_RunsIntoUnscheduled2027()
    {
        // 2026-12-31 is a Thursday; 2027 has no schedule, so 1-1 (Fri) counts as a working day.
        Assert.Equal("2027-01-01 17:00", InChina(Year2026.Deadline(China("2026-12-31 17:00"), TimeLimit.InWorkingDays(1))));
    }

    [Theory]
    [InlineData("2026-02-14", true)] // 春节调休上班 (Sat)
    [InlineData("2026-02-16", false)] // 春节 (Mon)
    [InlineData("2026-02-21", false)] // 春节 (Sat)
    [InlineData("2026-01-04", true)] // 元旦调休上班 (Sun)
    [InlineData("2026-05-09", true)] // 劳动节调休上班 (Sat)
    [InlineData("2026-06-19", false)] // 端午节 (Fri)
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-03-09", true)] // an ordinary Monday
    public void IsWorkingDay_FollowsTheSchedule(string date, bool working)
    {
        Assert.Equal(working, Year2026.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void KindOf_TellsHolidayFromMakeUpDay()
    {
        Assert.Equal(CalendarDayKind.Workday, Year2026.KindOf(new DateOnly(2026, 9, 20)));
        Assert.Equal(CalendarDayKind.Holiday, Year2026.KindOf(new DateOnly(2026, 10, 7)));
        Assert.Null(Year2026.KindOf(new DateOnly(2026, 10, 8)));
    }

    [Fact]
    public void WorkingTimeBetween_CountsOnlyWorkingDays()
    {
        // Fri 10:00 → 24:00 (14 h), Sat 2-14 (make-up, 24 h), 春节 (0), Tue 2-24 00:00 → 10:00 (10 h).
        Assert.Equal(TimeSpan.FromHours(48), Year2026.WorkingTimeBetween(China("2026-02-13 10:00"), China("2026-02-24 10:00")));
        Assert.Equal(TimeSpan.Zero, Year2026.WorkingTimeBetween(China("2026-10-01 00:00"), China("2026-10-08 00:00")));
        Assert.Equal(TimeSpan.FromHours(3), Year2026.WorkingTimeBetween(China("2026-10-07 23:00"), China("2026-10-08 03:00")));
        Assert.Equal(TimeSpan.Zero, Year2026.WorkingTimeBetween(China("2026-02-24 10:00"), China("2026-02-13 10:00")));
    }

    [Theory]
    [InlineData("2026-02-13 10:00", 1)]
    [InlineData("2026-02-13 10:00", 5)]
    [InlineData("2026-09-29 08:30", 3)]
    [InlineData("2026-12-30 18:00", 10)]
    [InlineData("2026-04-03 23:59", 2)]
    public void WorkingTimeBetween_StartAndDeadline_IsTheLimit(string start, int days)
    {
        var from = China(start);
        Assert.Equal(TimeSpan.FromDays(days), Year2026.WorkingTimeBetween(from, Year2026.Deadline(from, TimeLimit.InWorkingDays(days))));
    }

    [Theory]
    [InlineData(0, TimeLimitUnit.Hours)]
    [InlineData(-1, TimeLimitUnit.WorkingDays)]
    [InlineData(TimeLimit.MaxWorkingDays + 1, TimeLimitUnit.WorkingDays)]
    public void Deadline_RejectsALimitOutOfRange(int amount, TimeLimitUnit unit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Year2026.Deadline(China("2026-03-02 09:00"), new TimeLimit(amount, unit)));
    }
}
