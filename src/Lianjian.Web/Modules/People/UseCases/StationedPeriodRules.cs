namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>
/// A cadre is in one place at a time: two stationed periods of one person may not share a day. Dates are inclusive
/// (3月1日–3月31日 on site, then 4月1日– liaison do not overlap); a period without an end runs on indefinitely.
/// </summary>
public static class StationedPeriodRules
{
    public static bool Overlap(DateOnly startsOn, DateOnly? endsOn, DateOnly otherStartsOn, DateOnly? otherEndsOn) =>
        startsOn <= (otherEndsOn ?? DateOnly.MaxValue) && otherStartsOn <= (endsOn ?? DateOnly.MaxValue);

    /// <summary>The first existing period that shares a day with the new one, or null.</summary>
    public static StationedPeriod? FindOverlap(IEnumerable<StationedPeriod> existing, DateOnly startsOn, DateOnly? endsOn) =>
        existing.OrderBy(p => p.StartsOn).FirstOrDefault(p => Overlap(startsOn, endsOn, p.StartsOn, p.EndsOn));
}
