using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// The starter dictionary, written when the tables are empty: the seeds' ladder 同事互帮 → 分工会协调 → 片区互助组联动 →
/// 局工会兜底 and one category per kind of service the seeds count, with the seeds' 6-hour response.
/// </summary>
internal sealed class WorkOrdersReferenceData : IReferenceDataSeeder
{
    public static readonly Guid DefaultLadderId = new("0195a000-0000-7000-8000-000000000001");

    public int Order => 10;

    public static EscalationLadder DefaultLadder() => new()
    {
        Id = DefaultLadderId,
        Name = "四级逐级响应（默认）",
        Levels =
        [
            new EscalationLevel { Name = "同事互帮", Target = EscalationTarget.HandlingOrganization, TimerHours = 6 },
            new EscalationLevel { Name = "分工会协调", Target = EscalationTarget.ParentOrganization, TimerHours = 24 },
            new EscalationLevel { Name = "片区互助组联动", Target = EscalationTarget.GrandparentOrganization, TimerHours = 48 },
            new EscalationLevel { Name = "局工会兜底", Target = EscalationTarget.Committee, TimerHours = 72 },
        ],
    };

    public static IReadOnlyList<Category> StarterCategories(Guid ladderId)
    {
        var list = new List<Category>();
        void Add(string code, string name, CategoryKind kind, string description, TimeLimit response, TimeLimit resolution) =>
            list.Add(new Category
            {
                Id = Guid.CreateVersion7(), Code = code, Name = name, Kind = kind, Description = description,
                ResponseLimit = response, ResolutionLimit = resolution, EscalationLadderId = ladderId, SortOrder = list.Count + 1,
            });

        Add("agri-tech", "农技服务", CategoryKind.ProfessionalService, "种养技术、病虫害防治、渔业技术指导", TimeLimit.InHours(6), TimeLimit.InWorkingDays(5));
        Add("medical", "医疗健康", CategoryKind.ProfessionalService, "上门问诊、健康体检、慢病随访", TimeLimit.InHours(6), TimeLimit.InWorkingDays(3));
        Add("legal", "法律服务", CategoryKind.ProfessionalService, "法律咨询、矛盾调解、合同审查", TimeLimit.InHours(6), TimeLimit.InWorkingDays(5));
        Add("repair", "维修服务", CategoryKind.ConvenienceItem, "路灯、道路、水电、公共设施维修", TimeLimit.InHours(6), TimeLimit.InWorkingDays(5));
        Add("errand", "便民代办", CategoryKind.ConvenienceItem, "证照代办、代购代缴、出行帮扶", TimeLimit.InHours(6), TimeLimit.InWorkingDays(3));
        Add("sales", "助农助销", CategoryKind.ConvenienceItem, "农渔产品销售对接、消费帮扶", TimeLimit.InWorkingDays(1), TimeLimit.InWorkingDays(10));
        Add("practical-project", "民生实事", CategoryKind.PracticalProject, "设施改善、资金物资支持等实事项目", TimeLimit.InWorkingDays(1), TimeLimit.InWorkingDays(20));
        Add("culture", "文化活动", CategoryKind.CulturalEvent, "文艺演出、读书会、文明实践活动", TimeLimit.InWorkingDays(1), TimeLimit.InWorkingDays(10));
        Add("policy-talk", "政策宣讲", CategoryKind.PolicyTalk, "政策解读、理论宣讲、党课进村", TimeLimit.InWorkingDays(1), TimeLimit.InWorkingDays(10));
        return list;
    }

    public async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        if (!await db.EscalationLadders.AnyAsync(ct)) db.EscalationLadders.Add(DefaultLadder());
        if (!await db.WorkOrderCategories.AnyAsync(ct))
        {
            var ladderId = await db.EscalationLadders.AnyAsync(l => l.Id == DefaultLadderId, ct) || db.ChangeTracker.Entries<EscalationLadder>().Any()
                ? DefaultLadderId
                : await db.EscalationLadders.Select(l => l.Id).FirstAsync(ct);
            db.WorkOrderCategories.AddRange(StarterCategories(ladderId));
        }

        await db.SaveChangesAsync(ct);
    }
}
