using System.Globalization;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.WorkOrders;
using Lianjian.Web.Modules.WorkOrders.Queries;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Statistics.Public;

/// <summary>
/// 公示 figures of one organization's subtree for one year: the formulas of docs/kpis.md (解决率 = resolved ÷ valid,
/// 满意率 = satisfied ÷ rated, rates rounded to 4 decimals, null without a denominator), as WorkOrderStatsQuery computes them.
/// </summary>
public sealed record PublicFigures(int Received, int Valid, int Resolved, int Rated, int Satisfied)
{
    public static PublicFigures Zero { get; } = new(0, 0, 0, 0, 0);

    public double? ResolutionRate => Rate(Resolved, Valid);

    public double? SatisfactionRate => Rate(Satisfied, Rated);

    public static PublicFigures From(WorkOrderContribution c) => new(c.Received, c.Valid, c.Resolved, c.Rated, c.Satisfied);

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}

public sealed record PublicOrganizationRow(Guid Id, string Name, PublicFigures Figures, IReadOnlyList<PublicOrganizationRow> Children);

public sealed record PublicSearchHit(Guid Id, string Name, string? ParentName);

public sealed record PublicHome(int Year, IReadOnlyList<PublicOrganizationRow> Tops, string? Search, IReadOnlyList<PublicSearchHit> Hits);

public sealed record PublicCrumb(Guid Id, string Name);

/// <summary>A closed case (已评价 / 已销号) as the public sees it: no requester, no address, no photos, masked text.</summary>
public sealed record PublicCase(long Id, string CategoryName, string PlaceName, DateOnly SubmittedOn, DateOnly? ResolvedOn, string Description, string ResultNote, int? Rating, bool Closed);

public sealed record PublicOrganization(
    Guid Id,
    string Name,
    IReadOnlyList<PublicCrumb> Ancestors,
    int Year,
    PublicFigures ThisYear,
    PublicFigures LastYear,
    IReadOnlyList<PublicOrganizationRow> Children,
    IReadOnlyList<PublicCase> Cases,
    string? Before,
    string? Next);

/// <summary>
/// The data of the public pages (/p): no user, no data scope — only active organizations, only figures from the roll-ups
/// (<see cref="WorkOrderDailyStat"/>, read as WorkOrderStatsQuery reads them, never by counting orders) and only closed
/// cases with personal data removed (<see cref="PersonalDataMasker"/>).
/// </summary>
public sealed class PublicationQuery(AppDbContext db, CategoryCache categories, TimeProvider clock)
{
    public const int CasesPerPage = 10;
    public const int SearchMax = 30;
    public const int SearchTextMax = 50;
    public const int DescriptionMax = 60;
    public const int NoteMax = 80;
    public const int FirstYear = 2000;

    public int ThisYear => ChinaClock.Today(clock).Year;

    /// <summary>A year from the query string: empty means this year; otherwise four digits from 2000 to this year.</summary>
    public Result<int> ParseYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ThisYear;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || text.Trim().Length != 4)
            return Error.Validation("public.bad_year", $"年份“{Short(text)}”无法识别：请使用四位数字年份，例如 {ThisYear}。");
        if (year < FirstYear || year > ThisYear)
            return Error.Validation("public.year_out_of_range", $"只能查看 {FirstYear} 年至 {ThisYear} 年的数据。");
        return year;
    }

    /// <summary>The roots and their children (the top two levels), with the figures of the year; and the hits of a name search.</summary>
    public async Task<PublicHome> HomeAsync(int year, string? search, CancellationToken ct = default)
    {
        var tops = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && o.Depth <= 1)
            .OrderBy(o => o.Depth).ThenBy(o => o.SortOrder).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.ParentId })
            .ToListAsync(ct);
        var figures = await FiguresAsync(tops.Select(o => o.Id).ToList(), year, ct);
        var rows = tops.Where(o => o.ParentId is null)
            .Select(root => new PublicOrganizationRow(root.Id, root.Name, figures[root.Id],
                tops.Where(c => c.ParentId == root.Id).Select(c => new PublicOrganizationRow(c.Id, c.Name, figures[c.Id], [])).ToList()))
            .ToList();

        var text = search?.Trim();
        if (string.IsNullOrEmpty(text)) return new PublicHome(year, rows, null, []);
        if (text.Length > SearchTextMax) text = text[..SearchTextMax];
        var organizations = db.Organizations;
        var hits = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && o.Name.Contains(text))
            .OrderBy(o => o.Depth).ThenBy(o => o.Name)
            .Take(SearchMax)
            .Select(o => new PublicSearchHit(o.Id, o.Name, organizations.Where(p => p.Id == o.ParentId && p.IsActive).Select(p => p.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return new PublicHome(year, rows, text, hits);
    }

    /// <summary>One active organization: its figures for the year and the year before, its active children's, its closed cases. Null when unknown or inactive.</summary>
    public async Task<PublicOrganization?> OrganizationAsync(Guid id, int year, string? before, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == id && o.IsActive)
            .Select(o => new { o.Id, o.Name, o.Path }).FirstOrDefaultAsync(ct);
        if (org is null) return null;

        var ancestorIds = org.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Where(a => a != id).ToList();
        var ancestors = await db.Organizations.AsNoTracking().Where(o => ancestorIds.Contains(o.Id) && o.IsActive)
            .OrderBy(o => o.Depth).Select(o => new PublicCrumb(o.Id, o.Name)).ToListAsync(ct);
        var children = await db.Organizations.AsNoTracking().Where(o => o.ParentId == id && o.IsActive)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct);

        var thisYear = await FiguresAsync([id, .. children.Select(c => c.Id)], year, ct);
        var lastYear = await FiguresAsync([id], year - 1, ct);
        var (cases, next) = await CasesAsync(org.Path, year, before, ct);
        return new PublicOrganization(
            org.Id, org.Name, ancestors, year, thisYear[id], lastYear[id],
            children.Select(c => new PublicOrganizationRow(c.Id, c.Name, thisYear[c.Id], [])).ToList(),
            cases, Cursor.TryParse(before, out _) ? before : null, next);
    }

    /// <summary>
    /// The figures of each organization's subtree for a China calendar year: the sums of its own roll-up rows (they hold
    /// its whole subtree), as WorkOrderStatsQuery sums them for one organization and period.
    /// </summary>
    private async Task<Dictionary<Guid, PublicFigures>> FiguresAsync(List<Guid> ids, int year, CancellationToken ct)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rows = await WorkOrderStatsQuery.SumAsync(
            db.WorkOrderDailyStats.AsNoTracking().Where(s => ids.Contains(s.OrganizationId) && s.Day >= start && s.Day <= end), s => s.OrganizationId, ct);
        var byId = rows.ToDictionary(r => r.Key, r => PublicFigures.From(r.Figures));
        return ids.Distinct().ToDictionary(i => i, i => byId.GetValueOrDefault(i) ?? PublicFigures.Zero);
    }

    /// <summary>
    /// The year's closed cases (已评价, 已销号) placed in the subtree, newest submission first, keyset-paged on
    /// (submission time, id) so a page costs the same however deep. Only active places are named; nothing personal is read.
    /// </summary>
    private async Task<(List<PublicCase> Cases, string? Next)> CasesAsync(string path, int year, string? before, CancellationToken ct)
    {
        var fromUtc = ChinaClock.StartOfDayUtc(new DateOnly(year, 1, 1));
        var toUtc = ChinaClock.StartOfDayUtc(new DateOnly(year + 1, 1, 1));
        var organizations = db.Organizations;
        var places = organizations.Under(path).Where(p => p.IsActive);
        var query = db.WorkOrders.AsNoTracking()
            .Where(o => (o.Status == WorkOrderStatus.Rated || o.Status == WorkOrderStatus.Closed)
                && o.SubmittedAt >= fromUtc && o.SubmittedAt < toUtc
                && places.Any(p => p.Id == o.PlaceOrganizationId));
        if (Cursor.TryParse(before, out var cursor))
            query = query.Where(o => o.SubmittedAt < cursor.At || (o.SubmittedAt == cursor.At && o.Id < cursor.Id));
        var rows = await query
            .OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id)
            .Take(CasesPerPage + 1)
            .Select(o => new
            {
                o.Id, o.CategoryId, o.Status, o.Description, o.ResolutionNote, o.Rating, o.SubmittedAt, o.ResolvedAt,
                PlaceName = organizations.Where(p => p.Id == o.PlaceOrganizationId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var known = await categories.AllAsync(rows.Select(r => r.CategoryId).Distinct(), ct);
        var cases = rows.Take(CasesPerPage).Select(r => new PublicCase(
            r.Id,
            known.GetValueOrDefault(r.CategoryId)?.Name ?? "其他",
            r.PlaceName ?? "",
            DateOnly.FromDateTime(ChinaClock.ToChina(r.SubmittedAt)),
            r.ResolvedAt is { } resolved ? DateOnly.FromDateTime(ChinaClock.ToChina(resolved)) : null,
            PersonalDataMasker.Excerpt(r.Description, DescriptionMax),
            PersonalDataMasker.Excerpt(r.ResolutionNote, NoteMax),
            r.Rating,
            r.Status == WorkOrderStatus.Closed)).ToList();
        var next = rows.Count > CasesPerPage ? new Cursor(rows[CasesPerPage - 1].SubmittedAt, rows[CasesPerPage - 1].Id).ToString() : null;
        return (cases, next);
    }

    private static string Short(string text) => text.Length <= 12 ? text : text[..12] + "…";

    /// <summary>The last case of a page: "{submission ticks}-{id}".</summary>
    private readonly record struct Cursor(DateTime At, long Id)
    {
        public override string ToString() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

        public static bool TryParse(string? text, out Cursor cursor)
        {
            cursor = default;
            var parts = text?.Split('-');
            if (parts is not [var ticks, var id]
                || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t < DateTime.MinValue.Ticks || t > DateTime.MaxValue.Ticks
                || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                return false;
            cursor = new Cursor(new DateTime(t, DateTimeKind.Utc), i);
            return true;
        }
    }
}
