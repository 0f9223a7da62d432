using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.People.UseCases;

namespace Lianjian.UnitTests.Modules.People;

public class StationedPeriodRulesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text);

    private static DateOnly? Open(string? text) => text is null ? null : DateOnly.Parse(text);

    public static TheoryData<string, string?, string, string?, bool> Pairs => new()
    {
        // one month on site, then two months of liaison (seeds): consecutive, no shared day
        { "2026-03-01", "2026-03-31", "2026-04-01", "2026-05-31", false },
        { "2026-04-01", "2026-05-31", "2026-03-01", "2026-03-31", false },
        // the same day at both ends counts (dates are inclusive)
        { "2026-03-01", "2026-03-31", "2026-03-31", "2026-04-30", true },
        // one inside the other
        { "2026-03-01", "2026-05-31", "2026-04-01", "2026-04-10", true },
        { "2026-04-01", "2026-04-10", "2026-03-01", "2026-05-31", true },
        // partial overlap
        { "2026-03-15", "2026-04-15", "2026-03-01", "2026-03-31", true },
        // a period without an end runs on
        { "2026-06-01", null, "2027-01-01", "2027-01-31", true },
        { "2027-01-01", "2027-01-31", "2026-06-01", null, true },
        { "2026-06-01", null, "2026-01-01", "2026-05-31", false },
        { "2026-06-01", null, "2027-06-01", null, true },
        // single days
        { "2026-03-01", "2026-03-01", "2026-03-01", "2026-03-01", true },
        { "2026-03-01", "2026-03-01", "2026-03-02", "2026-03-02", false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Overlap_IsSymmetric_AndInclusive(string start, string? end, string otherStart, string? otherEnd, bool expected)
    {
        Assert.Equal(expected, StationedPeriodRules.Overlap(D(start), Open(end), D(otherStart), Open(otherEnd)));
        Assert.Equal(expected, StationedPeriodRules.Overlap(D(otherStart), Open(otherEnd), D(start), Open(end)));
    }

    [Fact]
    public void FindOverlap_ReturnsTheEarliestClashingPeriod()
    {
        StationedPeriod Period(string start, string? end, StationingKind kind) =>
            new() { Id = Guid.NewGuid(), StartsOn = D(start), EndsOn = Open(end), Kind = kind };
        var liaison = Period("2026-04-01", "2026-05-31", StationingKind.Liaison);
        var onSite = Period("2026-03-01", "2026-03-31", StationingKind.OnSite);
        var existing = new[] { liaison, onSite };

        Assert.Same(onSite, StationedPeriodRules.FindOverlap(existing, D("2026-03-20"), D("2026-04-05")));
        Assert.Same(liaison, StationedPeriodRules.FindOverlap(existing, D("2026-05-31"), null));
        Assert.Null(StationedPeriodRules.FindOverlap(existing, D("2026-06-01"), null));
        Assert.Null(StationedPeriodRules.FindOverlap([], D("2026-06-01"), null));
    }
}
