using Lianjian.Web.Modules.Alliances;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.WorkOrders.UseCases;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders.Queries;

public enum SuggestionKind
{
    Person,
    Organization,
}

/// <summary>
/// A candidate for 派单: a member (with the organization to dispatch to) or an organization, its score and the reasons
/// in Chinese. <see cref="OrganizationId"/> and <see cref="PersonId"/> are what <c>DispatchInput</c> takes.
/// </summary>
public sealed record DispatchSuggestion(
    SuggestionKind Kind,
    Guid? PersonId,
    Guid OrganizationId,
    string Name,
    string KindLabel,
    string OrganizationName,
    int Score,
    int OpenOrders,
    IReadOnlyList<string> Reasons);

/// <summary>
/// 派单建议: who should take this order. Members (党员, 驻村干部, 领导干部, 网格员, active) and organizations are scored by
/// skill against the category (技能匹配), by place (同一网格, 同村/同一社区, 驻本村, 同一联建片组) and by open load (fewer
/// is better). Candidates come only from the dispatcher's reach: their subtrees near the place, and the alliance partners
/// of the place (联建 works across trees, as in <c>DispatchWorkOrder</c>). A handful of queries, whatever the size.
/// </summary>
public sealed class DispatchSuggestionsQuery(AppDbContext db, WorkOrderAccess access, ICurrentUser user, TimeProvider clock)
{
    public const int MaxResults = 50;

    // The weights: a matching skill counts most, then nearness; every open order in hand costs a little.
    private const int SkillScore = 40;
    private const int TagScore = 10;
    private const int SameGridScore = 30;
    private const int SameHomeScore = 25;
    private const int StationedHereScore = 25;
    private const int AllianceScore = 15;
    private const int PartyOrganizationScore = 5;
    private const int LoadPenalty = 6;

    /// <summary>
    /// What a skill must contain to match the starter categories (WorkOrdersReferenceData); any other category falls back
    /// on its name and description.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Keywords = new Dictionary<string, string[]>
    {
        ["agri-tech"] = ["农技", "种植", "养殖", "渔业", "病虫害", "农业"],
        ["medical"] = ["医疗", "医生", "护理", "健康", "卫生", "康复"],
        ["legal"] = ["法律", "律师", "调解", "法务"],
        ["repair"] = ["维修", "电工", "水电", "水管", "管道", "泥瓦", "木工", "路灯"],
        ["errand"] = ["代办", "驾驶", "跑腿", "出行", "帮扶"],
        ["sales"] = ["电商", "销售", "营销", "助销", "直播", "物流"],
        ["practical-project"] = ["工程", "项目", "财务", "规划", "建设"],
        ["culture"] = ["文艺", "文化", "书法", "摄影", "演出", "阅读", "舞蹈"],
        ["policy-talk"] = ["政策宣讲", "宣讲", "理论", "党课", "政策"],
    };


    private static readonly PersonKind[] MemberKinds = [PersonKind.PartyMember, PersonKind.StationedCadre, PersonKind.Leader, PersonKind.GridWorker];

    private static readonly OrganizationKind[] AdministrativeKinds =
        [OrganizationKind.City, OrganizationKind.County, OrganizationKind.Township, OrganizationKind.Village, OrganizationKind.Community, OrganizationKind.Grid];

    public async Task<Result<IReadOnlyList<DispatchSuggestion>>> SuggestAsync(long workOrderId, int max = 10, CancellationToken ct = default)
    {
        max = Math.Clamp(max, 1, MaxResults);
        var order = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == workOrderId, ct);
        if (order is null) return WorkOrderErrors.NotFound;
        var (visible, actor) = await access.ActorAsync(order, ct);
        if (!visible || !actor.HasFlag(WorkOrderActor.Dispatcher)) return WorkOrderErrors.NotFound;

        var category = await db.WorkOrderCategories.AsNoTracking().Where(c => c.Id == order.CategoryId)
            .Select(c => new { c.Code, c.Name, c.Description }).FirstAsync(ct);
        var matcher = new SkillMatcher(category.Code, category.Name, category.Description);

        // The place and its ancestors (one query): its village or community ("home"), its top-level grid, its county.
        var placePath = await db.Organizations.AsNoTracking().Where(o => o.Id == order.PlaceOrganizationId).Select(o => o.Path).FirstAsync(ct);
        var lineIds = placePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var line = (await db.Organizations.AsNoTracking().Where(o => lineIds.Contains(o.Id))
            .Select(o => new Place(o.Id, o.Name, o.Kind, o.Path, o.Depth)).ToListAsync(ct)).OrderBy(o => o.Depth).ToList();
        var home = line.LastOrDefault(o => o.Kind is OrganizationKind.Village or OrganizationKind.Community) ?? line[^1];
        var grid = line.FirstOrDefault(o => o.Kind == OrganizationKind.Grid); // the level-1 grid: 同一网格 means the same grid worker's patch
        var area = line.LastOrDefault(o => o.Kind == OrganizationKind.County) ?? line[0];
        var homeLabel = home.Kind switch
        {
            OrganizationKind.Village => "同村",
            OrganizationKind.Community => "同一社区",
            _ => "同一组织",
        };

        // Alliance partners of the place: the other members of the active alliances that have a member in its village.
        var homeAlliances = db.Set<AllianceMember>()
            .Join(db.Organizations.Under(home.Path), m => m.OrganizationId, o => o.Id, (m, o) => m.AllianceId);
        var partners = (await db.Set<AllianceMember>().Where(m => homeAlliances.Contains(m.AllianceId))
                .Join(db.Alliances.Where(a => a.IsActive), m => m.AllianceId, a => a.Id, (m, a) => new { m.OrganizationId, AllianceName = a.Name })
                .Join(db.Organizations.Where(o => o.IsActive), x => x.OrganizationId, o => o.Id,
                    (x, o) => new Partner(o.Id, o.Name, o.Kind, o.Path, x.AllianceName))
                .ToListAsync(ct))
            .Where(p => !p.Path.StartsWith(home.Path, StringComparison.Ordinal))
            .DistinctBy(p => p.Id).ToList();

        // Reach: the dispatcher's subtrees, kept to the place's county (a committee's scope is the whole city), and the partners.
        var scope = await user.GetScopeAsync(ct);
        var near = scope.IsUnrestricted ? [area.Path] : scope.Paths.Select(s => Overlap(s, area.Path)).OfType<string>().ToList();
        var prefixes = near.Concat(partners.Select(p => p.Path)).Distinct().ToList();
        bool InReach(string path) => scope.Covers(path) || partners.Any(p => path.StartsWith(p.Path, StringComparison.Ordinal));
        Partner? PartnerOf(string path) => partners.Where(p => path.StartsWith(p.Path, StringComparison.Ordinal)).MaxBy(p => p.Path.Length);

        var people = prefixes.Count == 0 ? [] : await db.People.AsNoTracking()
            .Where(p => p.IsActive && MemberKinds.Contains(p.Kind) && p.Organization.IsActive)
            .Where(PathPredicate.Under<Person>(p => p.Organization.Path, prefixes))
            .Select(p => new { p.Id, p.Name, p.Kind, p.Skills, p.Tags, p.OrganizationId, OrganizationName = p.Organization.Name, OrganizationPath = p.Organization.Path })
            .ToListAsync(ct);
        var today = ChinaClock.Today(clock);
        var stationedHere = (await db.Set<StationedPeriod>()
            .Where(s => s.VillageId == home.Id && s.StartsOn <= today && (s.EndsOn == null || s.EndsOn >= today))
            .Select(s => s.PersonId).ToListAsync(ct)).ToHashSet();

        var organizations = (await db.Organizations.AsNoTracking().Under(home.Path)
                .Where(o => o.IsActive && !AdministrativeKinds.Contains(o.Kind))
                .Select(o => new Partner(o.Id, o.Name, o.Kind, o.Path, null)).ToListAsync(ct))
            .Where(o => InReach(o.Path))
            .Concat(partners.Where(p => !AdministrativeKinds.Contains(p.Kind)))
            .DistinctBy(o => o.Id).ToList();

        // Open load in one grouped query each: what a person or an organization holds now (sent to them or in hand).
        var open = db.WorkOrders.AsNoTracking().Where(o => WorkOrderStatusLabels.Open.Contains(o.Status) && o.Id != order.Id);
        var personLoad = await open.Where(o => o.HandlerPersonId != null || o.AssigneePersonId != null)
            .GroupBy(o => o.HandlerPersonId ?? o.AssigneePersonId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);
        var organizationLoad = await open.Where(o => o.HandlerOrganizationId != null || o.AssigneeOrganizationId != null)
            .GroupBy(o => o.HandlerOrganizationId ?? o.AssigneeOrganizationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key!.Value, g => g.Count, ct);

        var suggestions = new List<DispatchSuggestion>();
        foreach (var p in people)
        {
            var score = 0;
            var reasons = new List<string>();
            var skills = matcher.Matching(p.Skills);
            if (skills.Count > 0)
            {
                score += SkillScore;
                reasons.Add("技能匹配：" + string.Join("、", skills));
            }

            var tags = matcher.Matching(p.Tags);
            if (tags.Count > 0)
            {
                score += TagScore;
                reasons.Add("特长标签：" + string.Join("、", tags));
            }

            score += Nearness(p.OrganizationPath, p.Id, reasons);
            var load = personLoad.GetValueOrDefault(p.Id);
            score -= load * LoadPenalty;
            reasons.Add($"当前在办 {load} 单");
            suggestions.Add(new DispatchSuggestion(SuggestionKind.Person, p.Id, p.OrganizationId, p.Name ?? "（未留名）", p.Kind.Label(), p.OrganizationName,
                score, load, reasons));
        }

        foreach (var o in organizations)
        {
            var reasons = new List<string>();
            var score = Nearness(o.Path, null, reasons);
            if (o.Kind.IsParty())
            {
                score += PartyOrganizationScore;
                reasons.Add("党组织");
            }

            var load = organizationLoad.GetValueOrDefault(o.Id);
            score -= load * LoadPenalty;
            reasons.Add($"当前在办 {load} 单");
            suggestions.Add(new DispatchSuggestion(SuggestionKind.Organization, null, o.Id, o.Name, o.Kind.Label(), o.Name, score, load, reasons));
        }

        return suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.OpenOrders).ThenBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(max).ToList();

        int Nearness(string path, Guid? personId, List<string> reasons)
        {
            var score = 0;
            if (grid is not null && path.StartsWith(grid.Path, StringComparison.Ordinal))
            {
                score += SameGridScore;
                reasons.Add("同一网格");
            }

            if (path.StartsWith(home.Path, StringComparison.Ordinal))
            {
                score += SameHomeScore;
                reasons.Add(homeLabel);
            }
            else if (personId is { } id && stationedHere.Contains(id))
            {
                score += StationedHereScore;
                reasons.Add("驻本村干部");
            }
            else if (PartnerOf(path) is { } partner)
            {
                score += AllianceScore;
                reasons.Add($"同一联建片组：{partner.AllianceName}");
            }

            return score;
        }
    }

    /// <summary>The part two subtrees share: the deeper one when one holds the other, else none.</summary>
    private static string? Overlap(string a, string b) =>
        a.StartsWith(b, StringComparison.Ordinal) ? a : b.StartsWith(a, StringComparison.Ordinal) ? b : null;

    private sealed record Place(Guid Id, string Name, OrganizationKind Kind, string Path, int Depth);

    private sealed record Partner(Guid Id, string Name, OrganizationKind Kind, string Path, string? AllianceName);

    /// <summary>Skills and tags against a category: its keyword list, and its own name and description as the fallback.</summary>
    internal sealed class SkillMatcher
    {
        private readonly string[] _keywords;
        private readonly string _text;

        public SkillMatcher(string code, string name, string? description)
        {
            var stem = name;
            foreach (var suffix in new[] { "服务", "活动", "事项", "帮扶" })
            {
                if (stem.Length > suffix.Length + 1 && stem.EndsWith(suffix, StringComparison.Ordinal)) stem = stem[..^suffix.Length];
            }

            _keywords = [.. Keywords.GetValueOrDefault(code, []), stem];
            _text = name + " " + description;
        }

        public IReadOnlyList<string> Matching(IEnumerable<string>? values) =>
            [.. (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Where(Matches).Distinct()];

        // One-character skills ("电") would match half the dictionary: they match a keyword only by containing it.
        private bool Matches(string value) =>
            _keywords.Any(k => value.Contains(k, StringComparison.Ordinal) || (value.Length >= 2 && k.Contains(value, StringComparison.Ordinal)))
            || (value.Length >= 2 && _text.Contains(value, StringComparison.Ordinal));
    }
}
