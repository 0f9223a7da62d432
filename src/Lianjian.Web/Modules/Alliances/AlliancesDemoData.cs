using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Alliances;

/// <summary>The three-level joint building: 6 city branches × 4 county centres × 6 island villages, one group each.</summary>
internal sealed class AlliancesDemoData(TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (string Name, string Lead, string County, string Village)[] Groups =
    [
        ("三龙村三级联建片组", "中心机关第一党支部", "定海区机关事务管理中心党支部", "三龙村党支部"),
        ("葫芦岛三级联建片组", "市公务用车保障中心党支部", "普陀区机关事务管理中心党支部", "葫芦岛村党支部"),
        ("长西村三级联建片组", "中心机关第三党支部", "岱山县机关事务管理中心党支部", "长西村党支部"),
        ("龙泉村三级联建片组", "中心机关第二党支部", "嵊泗县机关事务管理中心党支部", "龙泉村党支部"),
        ("五联村三级联建片组", "市公物仓管理中心党支部", "普陀区机关事务管理中心党支部", "五联村党支部"),
        ("东岠岛三级联建片组", "市机关综合服务中心党支部", "普陀区机关事务管理中心党支部", "东岠岛村党支部"),
    ];

    public int Order => 30;

    public async Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.Alliances.AnyAsync(ct)) return;
        var orgs = await db.Organizations.ToDictionaryAsync(o => o.Name, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Alliance? first = null;
        for (var i = 0; i < Groups.Length; i++)
        {
            var (name, lead, county, village) = Groups[i];
            var alliance = new Alliance
            {
                Id = Guid.CreateVersion7(), Name = name, Kind = AllianceKind.ThreeLevel, LeadOrganizationId = orgs[lead].Id,
                Description = "市、县（区）、村三级支部党建联建，围绕4类工作内容设置12项支部联建任务清单，“帮办解难”。",
                FoundedOn = new DateOnly(2024, 3, 1), CreatedAt = now,
            };
            alliance.Members.Add(new AllianceMember { AllianceId = alliance.Id, OrganizationId = orgs[lead].Id, Role = "市级牵头支部", JoinedOn = alliance.FoundedOn });
            alliance.Members.Add(new AllianceMember { AllianceId = alliance.Id, OrganizationId = orgs[county].Id, Role = "县（区）中心支部", JoinedOn = alliance.FoundedOn });
            alliance.Members.Add(new AllianceMember { AllianceId = alliance.Id, OrganizationId = orgs[village].Id, Role = "海岛村党支部", JoinedOn = alliance.FoundedOn });
            db.Add(alliance);
            first ??= alliance;

            var agreement = new Agreement
            {
                Id = Guid.CreateVersion7(), AllianceId = alliance.Id, ScopeOrganizationId = alliance.LeadOrganizationId,
                Title = $"2026年度{name}党建联建协议", NegotiationStartedOn = new DateOnly(2026, 1, 10), ValidUntil = new DateOnly(2026, 12, 31),
                Terms = "一、组织共建：每季度召开一次联席会议；二、服务共办：建立需求、资源、项目清单，帮办解难；三、发展共促：招商引资、助销农渔产品；四、文明共创：开展文化惠民、政策宣传活动。",
            };
            // The groups stand at different steps of 谈约 → 签约 → 履约 → 评约.
            if (i < 5) agreement.Sign(new DateOnly(2026, 2, 20));
            if (i < 4) agreement.StartPerformance(new DateOnly(2026, 3, 1));
            if (i < 1) agreement.Evaluate(new DateOnly(2026, 11, 20), EvaluationResult.Excellent, "12项任务清单全部完成，完成率100%。");
            db.Add(agreement);
        }

        // The seeds' 2025 joint meeting belongs to the 三龙村 group (中心机关第一党支部 leads it).
        ArgumentNullException.ThrowIfNull(first);
        db.Add(new JointMeeting
        {
            Id = Guid.CreateVersion7(), AllianceId = first.Id, ScopeOrganizationId = first.LeadOrganizationId,
            HeldAt = new DateTime(2025, 5, 15, 1, 30, 0, DateTimeKind.Utc), Place = "舟山市机关事务管理中心三楼会议室",
            Topic = "2025年三级支部党建联建联席会议", Attendees = ["中心机关第一党支部", "定海区机关事务管理中心党支部", "三龙村党支部", "桃花镇塔湾村"],
            Minutes = "与桃花镇塔湾村签订“城乡结对 共建文明”协议，现场听取各联建村村难点问题“帮办解难”的需求。",
            Decisions = ["从公物仓调配旧会议椅、台式电脑支持三龙村村委会", "每季度通报任务清单完成情况"],
        });
        await db.SaveChangesAsync(ct);
    }
}
