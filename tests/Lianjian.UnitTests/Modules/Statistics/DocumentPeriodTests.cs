using Lianjian.Web.Modules.Statistics.Documents;

namespace Lianjian.UnitTests.Modules.Statistics;

public sealed class DocumentPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData("2026-Q1", "2026-01-01", "2026-03-31", "2026年第一季度")]
    [InlineData("2026-Q3", "2026-07-01", "2026-09-30", "2026年第三季度")]
    [InlineData("2026-Q4", "2026-10-01", "2026-12-31", "2026年第四季度")]
    [InlineData(" 2025-Q4 ", "2025-10-01", "2025-12-31", "2025年第四季度")]
    public void Quarters_read_with_their_bounds(string key, string from, string to, string label)
    {
        var period = DocumentPeriod.Parse(DocumentKind.QuarterlyBulletin, key, Today).Value;
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to), label, key.Trim()), (period.From, period.To, period.Label, period.Key));
    }

    [Theory]
    [InlineData("2026-02", "2026-02-01", "2026-02-28", "2026年2月")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "2024年2月")]
    [InlineData("2026-11", "2026-11-01", "2026-11-30", "2026年11月")]
    public void Months_read_with_their_bounds(string key, string from, string to, string label)
    {
        var period = DocumentPeriod.Parse(DocumentKind.MonthlyReminder, key, Today).Value;
        Assert.Equal((DateOnly.Parse(from), DateOnly.Parse(to), label, key), (period.From, period.To, period.Label, period.Key));
    }

    [Theory]
    [InlineData(DocumentKind.QuarterlyBulletin, "2026-Q5")]
    [InlineData(DocumentKind.QuarterlyBulletin, "2026-Q0")]
    [InlineData(DocumentKind.QuarterlyBulletin, "2026-11")]
    [InlineData(DocumentKind.QuarterlyBulletin, "26-Q1")]
    [InlineData(DocumentKind.QuarterlyBulletin, null)]
    [InlineData(DocumentKind.MonthlyReminder, "2026-13")]
    [InlineData(DocumentKind.MonthlyReminder, "2026-00")]
    [InlineData(DocumentKind.MonthlyReminder, "2026-1")]
    [InlineData(DocumentKind.MonthlyReminder, "2026-Q1")]
    [InlineData(DocumentKind.MonthlyReminder, "1999-12")]
    public void Malformed_periods_are_refused_in_Chinese(DocumentKind kind, string? key)
    {
        var error = DocumentPeriod.Parse(kind, key, Today).Error!;
        Assert.Equal("document.bad_period", error.Code);
        Assert.Contains("期间格式不正确", error.Message);
    }

    [Theory]
    [InlineData(DocumentKind.QuarterlyBulletin, "2027-Q1")]
    [InlineData(DocumentKind.MonthlyReminder, "2026-12")]
    public void Periods_not_yet_begun_are_refused(DocumentKind kind, string key) =>
        Assert.Equal("document.future_period", DocumentPeriod.Parse(kind, key, Today).Error!.Code);

    [Fact]
    public void The_current_period_may_be_generated() =>
        Assert.True(DocumentPeriod.Parse(DocumentKind.QuarterlyBulletin, "2026-Q4", Today).IsSuccess);

    [Fact]
    public void The_page_offers_the_last_finished_quarter_and_this_month()
    {
        Assert.Equal("2026-Q3", DocumentPeriod.Default(DocumentKind.QuarterlyBulletin, Today).Key);
        Assert.Equal("2025-Q4", DocumentPeriod.Default(DocumentKind.QuarterlyBulletin, new DateOnly(2026, 1, 1)).Key);
        Assert.Equal("2026-11", DocumentPeriod.Default(DocumentKind.MonthlyReminder, Today).Key);
    }

    [Theory]
    [InlineData("2026-11-25", new string[0])]
    [InlineData("2026-12-01", new[] { "2026-11" })]
    [InlineData("2026-12-02", new string[0])]
    [InlineData("2027-01-01", new[] { "2026-12", "2026-Q4" })]
    [InlineData("2026-04-01", new[] { "2026-03", "2026-Q1" })]
    [InlineData("2026-07-01", new[] { "2026-06", "2026-Q2" })]
    [InlineData("2026-10-01", new[] { "2026-09", "2026-Q3" })]
    [InlineData("2026-03-01", new[] { "2026-02" })]
    public void The_job_is_due_on_the_first_of_a_month_and_of_a_quarter(string today, string[] keys) =>
        Assert.Equal(keys, GenerateScheduledDocuments.DuePeriods(DateOnly.Parse(today)).Select(p => p.Key));

    [Fact]
    public void File_names_keep_the_Chinese_and_drop_what_file_systems_refuse()
    {
        var period = DocumentPeriod.Parse(DocumentKind.QuarterlyBulletin, "2026-Q3", Today).Value;
        Assert.Equal("定海区2026年第三季度季通报.docx", GenerateDocument.FileName("定海区", period));
        Assert.Equal("A_B_C2026年第三季度季通报.docx", GenerateDocument.FileName("A/B:C", period));
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(12, "十二")]
    [InlineData(20, "二十")]
    [InlineData(25, "二十五")]
    public void Subheadings_count_in_Chinese(int n, string text) => Assert.Equal(text, DocumentText.Chinese(n));
}
