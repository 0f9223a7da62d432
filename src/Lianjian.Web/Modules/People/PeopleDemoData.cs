using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.People;

/// <summary>Members (some in service, registered with 东海社区), a leader, a stationed cadre, grid workers and residents.</summary>
internal sealed class PeopleDemoData(TimeProvider clock) : IDemoDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.People.AnyAsync(ct)) return;
        var orgs = await db.Organizations.ToDictionaryAsync(o => o.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var phone = 13857200000L;

        Person Add(string? name, PersonKind kind, string org, MemberStatus? status = null, bool inService = false, string? title = null, string[]? skills = null, string[]? tags = null)
        {
            var person = new Person
            {
                Id = Guid.CreateVersion7(), Name = name, Kind = kind, OrganizationId = orgs[org].Id, MemberStatus = status,
                IsInService = inService, Title = title, Skills = [.. skills ?? []], Tags = [.. tags ?? []], Phone = (phone++).ToString(), CreatedAt = now,
                Gender = name is null ? null : phone % 2 == 0 ? Gender.Male : Gender.Female,
            };
            db.Add(person);
            return person;
        }

        var skillsByBranch = new[] { new[] { "维修", "电工" }, ["法律"], ["医疗"], ["驾驶", "维修"], ["财务"], ["理发", "政策宣讲"] };
        string[] surnames = ["王", "李", "张", "陈", "刘", "周"];
        string[] given = ["海波", "晓燕", "建国", "丽君", "志强", "雪梅"];
        for (var b = 0; b < OrganizationsDemoData.CityBranches.Length; b++)
        {
            var branch = OrganizationsDemoData.CityBranches[b];
            Add(surnames[b] + "书记", PersonKind.PartyMember, branch, MemberStatus.Formal, true, "支部书记", skillsByBranch[b]);
            for (var i = 0; i < 3; i++)
            {
                var member = Add(surnames[(b + i + 1) % 6] + given[(b + i) % 6], PersonKind.PartyMember, branch,
                    i == 2 ? MemberStatus.Probationary : MemberStatus.Formal, true, null, skillsByBranch[(b + i) % 6], ["在职党员"]);
                if (i == 0)
                {
                    member.CommunityRegistrations.Add(new CommunityRegistration
                    {
                        Id = Guid.CreateVersion7(), PersonId = member.Id, CommunityId = orgs["东海社区"].Id,
                        RegisteredOn = new DateOnly(2025, 3, 1), Post = b % 2 == 0 ? "楼道长" : "政策宣讲员",
                    });
                }
            }
        }

        foreach (var village in new[] { "三龙村党支部", "葫芦岛村党支部", "长西村党支部", "龙泉村党支部", "五联村党支部", "东岠岛村党支部", "塔湾村党支部" })
        {
            Add(village[..2] + "村书记", PersonKind.PartyMember, village, MemberStatus.Formal, false, "村党支部书记", ["农技"], ["致富能手"]);
            Add(village[..2] + "党员", PersonKind.PartyMember, village, MemberStatus.Formal, false, null, ["渔业"]);
            Add(village[..2] + "积极分子", PersonKind.PartyMember, village, MemberStatus.Activist);
        }

        Add("赵立新", PersonKind.Leader, "定海区", MemberStatus.Formal, true, "区委常委");
        var cadre = Add("孙卫东", PersonKind.StationedCadre, "定海区机关事务管理中心党支部", MemberStatus.Formal, true, "驻村干部", ["农技"]);
        cadre.StationedPeriods.Add(new StationedPeriod { Id = Guid.CreateVersion7(), PersonId = cadre.Id, VillageId = orgs["长白岛三龙村"].Id, Kind = StationingKind.OnSite, StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 31) });
        cadre.StationedPeriods.Add(new StationedPeriod { Id = Guid.CreateVersion7(), PersonId = cadre.Id, VillageId = orgs["长白岛三龙村"].Id, Kind = StationingKind.Liaison, StartsOn = new DateOnly(2026, 4, 1), EndsOn = new DateOnly(2026, 5, 31) });
        Add("吴网格", PersonKind.GridWorker, "东海社区第一网格", null, false, "专职网格员");
        Add("郑网格", PersonKind.GridWorker, "东海社区第二网格", null, false, "专职网格员");
        Add(null, PersonKind.Resident, "葫芦岛村");
        Add("林阿婆", PersonKind.Resident, "东海苑3幢2单元");
        Add("舟山海贻贝科技有限公司", PersonKind.Enterprise, "舟山海贻贝科技有限公司");
        await db.SaveChangesAsync(ct);
    }
}
