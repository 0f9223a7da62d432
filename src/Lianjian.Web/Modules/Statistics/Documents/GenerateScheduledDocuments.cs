using Lianjian.Web.Modules.Accounts;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Statistics.Documents;

/// <summary>
/// On the first day of a month (China date) generates the previous month's 月提醒, and on the first day of a quarter
/// also the previous quarter's 季通报, for the top organizations: the roots of the tree and their direct children (the
/// counties). A document already kept is left alone, so the job may run any number of times that day, on any number of
/// nodes (<see cref="GenerateDocument.KeepAsync"/>). Each document is generated in its own DI scope acting as
/// <see cref="SystemPrincipal"/>: the queries it reads through are written for a user's scope, and the job's is everything.
/// </summary>
public sealed class GenerateScheduledDocuments(AppDbContext db, IServiceScopeFactory scopes, ILogger<GenerateScheduledDocuments> log)
{
    public sealed record Outcome(int Generated, int AlreadyKept, int Failed);

    /// <summary>The periods whose documents are due on a China date: none unless it is the first of a month.</summary>
    public static IReadOnlyList<DocumentPeriod> DuePeriods(DateOnly today)
    {
        if (today.Day != 1) return [];
        var yesterday = today.AddDays(-1);
        return today.Month % 3 == 1 ? [DocumentPeriod.MonthOf(yesterday), DocumentPeriod.QuarterOf(yesterday)] : [DocumentPeriod.MonthOf(yesterday)];
    }

    public async Task<Outcome> RunAsync(DateTime now, CancellationToken ct = default)
    {
        var due = DuePeriods(DateOnly.FromDateTime(ChinaClock.ToChina(now)));
        if (due.Count == 0) return new Outcome(0, 0, 0);

        var roots = db.Organizations.Where(o => o.ParentId == null && o.IsActive).Select(o => o.Id);
        var tops = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && (o.ParentId == null || roots.Contains(o.ParentId.Value)))
            .OrderBy(o => o.Depth).ThenBy(o => o.SortOrder).ThenBy(o => o.Name)
            .Select(o => o.Id).ToListAsync(ct);
        var keys = due.Select(p => p.Key).ToList();
        var kept = (await db.GeneratedDocuments.AsNoTracking()
                .Where(d => keys.Contains(d.Period) && tops.Contains(d.OrganizationId))
                .Select(d => new { d.Kind, d.OrganizationId, d.Period }).ToListAsync(ct))
            .Select(d => (d.Kind, d.OrganizationId, d.Period)).ToHashSet();

        int generated = 0, already = 0, failed = 0;
        foreach (var period in due)
        {
            foreach (var organizationId in tops)
            {
                if (kept.Contains((period.Kind, organizationId, period.Key)))
                {
                    already++;
                    continue;
                }

                Platform.Results.Result<(DocumentRow Row, bool Written)> result;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<CurrentUser>().SetPrincipal(SystemPrincipal.Create());
                    result = await scope.ServiceProvider.GetRequiredService<GenerateDocument>().KeepAsync(organizationId, period, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One organization's failure (a busy database) must not hold up the others; the next run tries it again.
                    failed++;
                    log.LogError(e, "{Kind} {Period} of organization {OrganizationId} failed", period.Kind, period.Key, organizationId);
                    continue;
                }

                if (!result.IsSuccess)
                {
                    failed++;
                    log.LogWarning("{Kind} {Period} of organization {OrganizationId} not generated: {Code} {Message}", period.Kind, period.Key, organizationId, result.Error.Code, result.Error.Message);
                }
                else if (result.Value.Written) generated++;
                else already++;
            }
        }

        return new Outcome(generated, already, failed);
    }
}
