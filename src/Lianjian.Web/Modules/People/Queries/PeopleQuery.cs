using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People.Queries;

public sealed record PersonFilter(
    string? Text = null,
    PersonKind? Kind = null,
    MemberStatus? MemberStatus = null,
    Guid? OrganizationId = null,
    string? Skill = null,
    bool? InService = null,
    bool IncludeInactive = false,
    int? Page = null,
    int? PageSize = null);

public sealed record PersonRow(
    Guid Id,
    string Name,
    PersonKind Kind,
    string KindLabel,
    Guid OrganizationId,
    string OrganizationName,
    string? Phone,
    string? IdNumber,
    string? MemberStatus,
    bool IsInService,
    string? Title,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Tags,
    bool IsActive);

/// <summary>A list row plus the sheet-only columns; <see cref="Name"/> is the stored name (null for a resident known by phone only).</summary>
public sealed record PersonExportRow(PersonRow Person, string? Name, Gender? Gender, DateOnly? BirthDate, DateOnly? JoinedPartyOn, string? Remark);

public sealed record StationedPeriodRow(Guid Id, Guid VillageId, string VillageName, StationingKind Kind, string KindLabel, DateOnly StartsOn, DateOnly? EndsOn, string? Remark);

public sealed record CommunityRegistrationRow(Guid Id, Guid CommunityId, string CommunityName, DateOnly RegisteredOn, string? Post);

public sealed record PersonDetails(
    PersonRow Person,
    Gender? Gender,
    DateOnly? BirthDate,
    MemberStatus? MemberStatus,
    DateOnly? JoinedPartyOn,
    string? Remark,
    DateTime CreatedAt,
    IReadOnlyList<StationedPeriodRow> StationedPeriods,
    IReadOnlyList<CommunityRegistrationRow> CommunityRegistrations);

/// <summary>One list query feeds the people grid, the API and the Excel export; personal data masked by role.</summary>
public sealed class PeopleQuery(AppDbContext db, ICurrentUser user)
{
    /// <summary>Organization admins contact their people and see full numbers; other roles see masked ones (docs/decisions/0003).</summary>
    public bool SeesPersonalData => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.OrganizationAdmin);

    public async Task<Page<PersonRow>> SearchAsync(PersonFilter filter, CancellationToken ct = default)
    {
        var query = await FilterAsync(filter, ct);
        var (page, size) = Page<PersonRow>.Normalize(filter.Page, filter.PageSize);
        var total = await query.CountAsync(ct);
        var rows = await Project(query.OrderBy(p => p.Organization.Path).ThenBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Page<PersonRow>(rows.ConvertAll(Finish), total, page, size);
    }

    /// <summary>Every matching row, streamed in path order (exports).</summary>
    public async IAsyncEnumerable<PersonRow> AllAsync(PersonFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in ExportAsync(filter, ct))
        {
            yield return row.Person;
        }
    }

    /// <summary>
    /// <see cref="AllAsync"/> with the columns the Excel sheet has beyond the list row (gender, dates, remark): the same
    /// filter, order and masking, streamed so that 100,000 people never sit in memory at once.
    /// </summary>
    public async IAsyncEnumerable<PersonExportRow> ExportAsync(PersonFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = await FilterAsync(filter, ct);
        var rows = query.OrderBy(p => p.Organization.Path).ThenBy(p => p.Name).ThenBy(p => p.Id).Select(p => new
        {
            Row = new PersonRow(
                p.Id, p.Name ?? "", p.Kind, "", p.OrganizationId, p.Organization.Name, p.Phone, p.IdNumber,
                p.MemberStatus == null ? null : p.MemberStatus.ToString(), p.IsInService, p.Title, p.Skills, p.Tags, p.IsActive),
            p.Name,
            p.Gender,
            p.BirthDate,
            p.JoinedPartyOn,
            p.Remark,
        });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new PersonExportRow(Finish(row.Row), row.Name, row.Gender, row.BirthDate, row.JoinedPartyOn, row.Remark);
        }
    }

    public async Task<Result<PersonDetails>> DetailsAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var person = await db.People.AsNoTracking().InScope(scope)
            .Include(p => p.Organization).Include(p => p.StationedPeriods).Include(p => p.CommunityRegistrations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return Error.NotFound("person.not_found", "人员不存在，或不在您的管辖范围内。");
        var placeIds = person.StationedPeriods.Select(s => s.VillageId).Concat(person.CommunityRegistrations.Select(r => r.CommunityId)).Distinct().ToList();
        var places = await db.Organizations.AsNoTracking().Where(o => placeIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var row = Finish(ToRow(person));
        return new PersonDetails(row, person.Gender, person.BirthDate, person.MemberStatus, person.JoinedPartyOn, person.Remark, person.CreatedAt,
            person.StationedPeriods.OrderBy(s => s.StartsOn).Select(s => new StationedPeriodRow(s.Id, s.VillageId, places.GetValueOrDefault(s.VillageId, ""), s.Kind, s.Kind.Label(), s.StartsOn, s.EndsOn, s.Remark)).ToList(),
            person.CommunityRegistrations.OrderBy(r => r.RegisteredOn).Select(r => new CommunityRegistrationRow(r.Id, r.CommunityId, places.GetValueOrDefault(r.CommunityId, ""), r.RegisteredOn, r.Post)).ToList());
    }

    private async Task<IQueryable<Person>> FilterAsync(PersonFilter filter, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var query = db.People.AsNoTracking().InScope(scope);
        if (filter.OrganizationId is { } orgId)
        {
            var path = await db.Organizations.AsNoTracking().InScope(scope).Where(o => o.Id == orgId).Select(o => o.Path).FirstOrDefaultAsync(ct);
            query = path is null ? query.Where(_ => false) : query.Where(PathPredicate.Under<Person>(p => p.Organization.Path, [path]));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(p => (p.Name != null && p.Name.Contains(text)) || (p.Phone != null && p.Phone.StartsWith(text)));
        }

        if (filter.Kind is { } kind) query = query.Where(p => p.Kind == kind);
        if (filter.MemberStatus is { } status) query = query.Where(p => p.MemberStatus == status);
        if (!string.IsNullOrWhiteSpace(filter.Skill))
        {
            var skill = filter.Skill.Trim();
            query = query.Where(p => p.Skills.Contains(skill) || p.Tags.Contains(skill));
        }

        if (filter.InService is { } inService) query = query.Where(p => p.IsInService == inService);
        if (!filter.IncludeInactive) query = query.Where(p => p.IsActive);
        return query;
    }

    private static IQueryable<PersonRow> Project(IQueryable<Person> query) => query.Select(p => new PersonRow(
        p.Id, p.Name ?? "", p.Kind, "", p.OrganizationId, p.Organization.Name, p.Phone, p.IdNumber,
        p.MemberStatus == null ? null : p.MemberStatus.ToString(), p.IsInService, p.Title, p.Skills, p.Tags, p.IsActive));

    private static PersonRow ToRow(Person p) => new(
        p.Id, p.Name ?? "", p.Kind, "", p.OrganizationId, p.Organization.Name, p.Phone, p.IdNumber,
        p.MemberStatus?.ToString(), p.IsInService, p.Title, p.Skills, p.Tags, p.IsActive);

    private PersonRow Finish(PersonRow row)
    {
        var full = SeesPersonalData;
        return row with
        {
            Name = row.Name.Length > 0 ? row.Name : "（未留名）",
            KindLabel = row.Kind.Label(),
            MemberStatus = Enum.TryParse<MemberStatus>(row.MemberStatus, out var s) ? s.Label() : null,
            Phone = full ? row.Phone : PersonalData.MaskPhone(row.Phone),
            IdNumber = full ? row.IdNumber : PersonalData.MaskIdNumber(row.IdNumber),
        };
    }
}
