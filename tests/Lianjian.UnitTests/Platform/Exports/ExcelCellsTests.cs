using Lianjian.Web.Platform.Exports;

namespace Lianjian.UnitTests.Platform.Exports;

public class ExcelCellsTests
{
    [Fact]
    public void Text_KeepsNumbersWhole_AndDatesAsDays()
    {
        Assert.Equal("13857201234", ExcelCells.Text(13857201234d));
        Assert.Equal("1.5", ExcelCells.Text(1.5d));
        Assert.Equal("2024-05-01", ExcelCells.Text(new DateTime(2024, 5, 1)));
        Assert.Equal("2024-05-01", ExcelCells.Text(new DateOnly(2024, 5, 1)));
        Assert.Equal("是", ExcelCells.Text(true));
        Assert.Null(ExcelCells.Text("   "));
        Assert.Equal("三龙村", ExcelCells.Text(" 三龙村 "));
    }

    [Fact]
    public void LostDigits_WhenAnIdNumberWasTypedIntoAGeneralCell()
    {
        Assert.True(ExcelCells.LostDigits(330902199001011234d));
        Assert.False(ExcelCells.LostDigits(13857201234d));
        Assert.False(ExcelCells.LostDigits("330902199001011234"));
    }

    [Theory]
    [InlineData("2024-05-01")]
    [InlineData("2024/5/1")]
    [InlineData("2024.5.1")]
    [InlineData("2024年5月1日")]
    [InlineData("20240501")]
    [InlineData(45413d)]
    public void TryDate_ReadsTheUsualWaysOfWritingADay(object value)
    {
        Assert.True(ExcelCells.TryDate(value, out var date));
        Assert.Equal(new DateOnly(2024, 5, 1), date);
    }

    [Theory]
    [InlineData("1990-13-45")]
    [InlineData("去年")]
    [InlineData(1980d)]
    public void TryDate_RefusesWhatIsNotADay(object value) => Assert.False(ExcelCells.TryDate(value, out _));

    [Fact]
    public void TryDate_BlankIsNoDate()
    {
        Assert.True(ExcelCells.TryDate(null, out var date));
        Assert.Null(date);
        Assert.True(ExcelCells.TryDate(new DateTime(1980, 5, 1), out date));
        Assert.Equal(new DateOnly(1980, 5, 1), date);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData(true, true)]
    public void TryYesNo_ReadsAnswers(object value, bool expected)
    {
        Assert.True(ExcelCells.TryYesNo(value, out var answer));
        Assert.Equal(expected, answer);
    }

    [Fact]
    public void TryYesNo_And_TryInt_RefuseOtherText()
    {
        Assert.False(ExcelCells.TryYesNo("也许", out _));
        Assert.True(ExcelCells.TryInt(12d, out var n));
        Assert.Equal(12, n);
        Assert.True(ExcelCells.TryInt("7", out n));
        Assert.Equal(7, n);
        Assert.False(ExcelCells.TryInt(1.5d, out _));
        Assert.False(ExcelCells.TryInt("第一", out _));
    }

    [Fact]
    public void List_SplitsOnTheSeparatorsPeopleType() =>
        Assert.Equal(["农技", "维修", "法律", "理发"], ExcelCells.List("农技、维修，法律; 理发"));
}
