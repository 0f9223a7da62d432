using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Calendar.UseCases;

namespace Lianjian.UnitTests.Platform.Calendar;

public class CalendarYearInputTests
{
    private static CalendarYearInput Year(params CalendarDayInput[] days) => new("国务院办公厅关于2031年部分节假日安排的通知（2030年11月1日）", days);

    private static string Message(CalendarYearInput input, int year = 2031)
    {
        var validation = input.Validate(year);
        Assert.False(validation.IsValid);
        return validation.ToError().Message;
    }

    [Fact]
    public void Workday_OnATuesday_IsRejected_HolidayOnAWeekendIsFine()
    {
        // 2031-01-07 is a Tuesday, 2031-01-04 a Saturday.
        Assert.Contains("2031-01-07是周二，调休上班日只能是周六或周日",
            Message(Year(new CalendarDayInput(new DateOnly(2031, 1, 7), CalendarDayKind.Workday, "元旦调休上班"))));
        Assert.True(Year(new CalendarDayInput(new DateOnly(2031, 1, 4), CalendarDayKind.Holiday, "元旦"),
            new CalendarDayInput(new DateOnly(2031, 1, 5), CalendarDayKind.Workday, "元旦调休上班")).Validate(2031).IsValid);
    }

    [Fact]
    public void Date_OutsideTheYear_OrTwice_IsRejected()
    {
        Assert.Contains("2030-12-31不在2031年内", Message(Year(new CalendarDayInput(new DateOnly(2030, 12, 31), CalendarDayKind.Holiday, "元旦"))));
        Assert.Contains("重复录入", Message(Year(
            new CalendarDayInput(new DateOnly(2031, 1, 1), CalendarDayKind.Holiday, "元旦"),
            new CalendarDayInput(new DateOnly(2031, 1, 1), CalendarDayKind.Holiday, "元旦"))));
    }

    [Fact]
    public void MissingParts_AreNamedByRow()
    {
        var error = Message(Year(
            new CalendarDayInput(new DateOnly(2031, 1, 1), CalendarDayKind.Holiday, " "),
            new CalendarDayInput(null, CalendarDayKind.Holiday, "元旦"),
            new CalendarDayInput(new DateOnly(2031, 1, 2), null, "元旦"),
            new CalendarDayInput(new DateOnly(2031, 1, 3), CalendarDayKind.Holiday, new string('节', CalendarDay.NameMax + 1))));
        Assert.Contains("第1行（2031-01-01）：请填写节日名称", error);
        Assert.Contains("第2行：请填写日期", error);
        Assert.Contains("第3行（2031-01-02）：请选择放假或调休上班", error);
        Assert.Contains($"第4行（2031-01-03）：节日名称不能超过{CalendarDay.NameMax}个字符", error);
    }

    [Fact]
    public void Source_AndAtLeastOneDay_AreRequired()
    {
        var error = Message(new CalendarYearInput(null, []));
        Assert.Contains("通知名称和日期不能为空", error);
        Assert.Contains("请至少录入一天", error);
        Assert.Contains("内容为空", Message(new CalendarYearInput("通知", [null!])));
    }
}
