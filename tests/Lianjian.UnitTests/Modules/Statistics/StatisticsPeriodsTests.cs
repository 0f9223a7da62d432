using Lianjian.Web.Modules.Statistics.Queries;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Ui.Shared.Charts;

namespace Lianjian.UnitTests.Modules.Statistics;

public sealed class StatisticsPeriodsTests
{
    [Theory]
    // 环比: a quarter maps to the quarter before, a month to the month three months before, whatever their lengths.
    [InlineData("2026-04-01", "2026-06-30", "2026-01-01", "2026-03-31")]
    [InlineData("2026-01-01", "2026-03-31", "2025-10-01", "2025-12-31")]
    [InlineData("2026-05-01", "2026-05-31", "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-01", "2026-11-25", "2025-10-01", "2026-08-25")]
    [InlineData("2026-03-15", "2026-03-20", "2025-12-15", "2025-12-20")]
    public void Last_quarter_moves_both_ends_three_months_keeping_month_ends(string from, string to, string expectedFrom, string expectedTo)
    {
        var (f, t) = ComparisonPeriods.LastQuarter(DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal((DateOnly.Parse(expectedFrom), DateOnly.Parse(expectedTo)), (f, t));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31")]
    [InlineData("2028-02-01", "2028-02-29", "2027-02-01", "2027-02-28")]
    [InlineData("2027-02-01", "2027-02-28", "2026-02-01", "2026-02-28")]
    public void Last_year_is_the_same_dates_a_year_before(string from, string to, string expectedFrom, string expectedTo)
    {
        Assert.Equal((DateOnly.Parse(expectedFrom), DateOnly.Parse(expectedTo)), ComparisonPeriods.LastYear(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public void Presets_are_the_periods_offices_report_on()
    {
        var presets = StatisticsPeriods.Presets(new DateOnly(2026, 11, 25)).ToDictionary(p => p.Key);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 25)), (presets["year"].From, presets["year"].To));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 25)), (presets["quarter"].From, presets["quarter"].To));
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (presets["last-quarter"].From, presets["last-quarter"].To));
        Assert.Equal("上季度（2026年第三季度）", presets["last-quarter"].Label);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (presets["last-month"].From, presets["last-month"].To));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (presets["last-year"].From, presets["last-year"].To));
        Assert.Equal((new DateOnly(2025, 11, 26), new DateOnly(2026, 11, 25)), (presets["12-months"].From, presets["12-months"].To));
        var january = StatisticsPeriods.Presets(new DateOnly(2027, 1, 5)).ToDictionary(p => p.Key);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (january["last-quarter"].From, january["last-quarter"].To));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), (january["last-month"].From, january["last-month"].To));
        Assert.Equal("2026-02-03 至 2026-03-04", StatisticsPeriods.Describe(new DateOnly(2026, 2, 3), new DateOnly(2026, 3, 4), new DateOnly(2026, 11, 25)));
    }

    private static WorkOrderStats Stats(string name, int valid, int resolved, int rated, int satisfied, int onTime) =>
        WorkOrderStatsQuery.Compose(Guid.NewGuid(), name, default, default,
            new WorkOrderContribution(valid, 0, 0, valid, resolved, onTime, rated, satisfied, 0), 0, []);

    [Fact]
    public void Ranking_is_by_resolution_then_satisfaction_then_on_time_with_empty_ones_last_and_ties_sharing_a_rank()
    {
        var ranked = DashboardQuery.Rank(
        [
            Stats("空", 0, 0, 0, 0, 0),
            Stats("乙", 10, 9, 4, 4, 9),
            Stats("甲", 10, 10, 4, 3, 10),
            Stats("丙", 20, 18, 8, 8, 18),
            Stats("丁", 10, 9, 4, 4, 5),
        ], s => s).Select(r => (r.Rank, r.Item.OrganizationName)).ToList();
        Assert.Equal([(1, "甲"), (2, "丙"), (2, "乙"), (4, "丁"), (5, "空")], ranked);
    }

    [Theory]
    [InlineData(0, 1, 0.2)]
    [InlineData(7, 8, 2)]
    [InlineData(96.5, 100, 20)]
    [InlineData(340_550, 400_000, 100_000)]
    [InlineData(23, 25, 5)]
    public void Axes_end_on_a_round_number(double max, double top, double step)
    {
        Assert.Equal((top, step), ChartScale.Nice(max));
    }

    [Fact]
    public void Axis_labels_read_as_people_write_them()
    {
        Assert.Equal("34.1万", ChartScale.Format(340_550));
        Assert.Equal("2,500", ChartScale.Format(2500));
        Assert.Equal("0.5", ChartScale.Format(0.5));
    }
}
