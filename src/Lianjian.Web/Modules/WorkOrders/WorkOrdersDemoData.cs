using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// The seeds' cases as orders in every state (葫芦岛's five street lamps and electric vehicle, rated 5; 三龙村's old chairs
/// and computers, closed; 龙泉村's 干斜岗弄路 road repair, claimed, overdue and escalated; 龙泉村's mussels; 2万 for the
/// 摘箬山 geology museum; a medical visit to 兴港村), plus a few hundred generated over the past year, all made by the
/// entity's own moves so their logs are real. Development only, idempotent.
/// </summary>
internal sealed class WorkOrdersDemoData(TimeProvider clock, IWorkingCalendarSource calendars) : IDemoDataSeeder
{
    public int Order => 50;

    public async Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.WorkOrders.AnyAsync(ct)) return;
        var calendar = await calendars.GetAsync(ct);
        var categories = await db.WorkOrderCategories.ToDictionaryAsync(c => c.Code, ct);
        var ladders = await db.EscalationLadders.ToDictionaryAsync(l => l.Id, ct);
        var orgs = await db.Organizations.Where(o => o.IsActive).ToDictionaryAsync(o => o.Name, ct);
        var members = await db.People.Where(p => p.Kind == PersonKind.PartyMember && p.IsActive).Select(p => new { p.Id, p.Name, p.OrganizationId }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = new Actor(null, "舟山市机关事务管理中心");

        var phones = 0;
        WorkOrder New(string category, string place, string description, string requester, DateTime at, WorkOrderChannel channel = WorkOrderChannel.Phone)
        {
            var (order, step) = WorkOrder.Submit(new WorkOrderSubmission(orgs[place].Id, description, null, null, null, requester, "1390580" + (++phones).ToString("D4"),
                null, null, requester, channel, null), categories[category], calendar, at);
            db.Add(order);
            db.Add(step);
            return order;
        }

        void Do(Platform.Results.Result<WorkOrderStep> move)
        {
            if (!move.IsSuccess) throw new InvalidOperationException(move.Error.Message);
            db.Add(move.Value);
        }

        void Loop(WorkOrder order, string branch, DateTime at, WorkOrderStatus until, int rating = 5, string result = "已办结", bool pool = false, int claimHours = 3, int resolveDays = 2)
        {
            var handlerOrg = orgs[branch];
            var handler = members.FirstOrDefault(m => m.OrganizationId == handlerOrg.Id);
            var who = new Actor(null, handler?.Name ?? branch);
            Do(order.Dispatch(WorkOrderAction.Dispatch, WorkOrderActor.Dispatcher, admin, handlerOrg.Id, null, pool, null, at.AddHours(1)));
            if (until == WorkOrderStatus.Dispatched) return;
            Do(order.Claim(WorkOrderActor.Candidate, who, handler?.Id, handlerOrg.Id, at.AddHours(claimHours)));
            if (until == WorkOrderStatus.Claimed) return;
            Do(order.Progress(WorkOrderActor.Handler, who, "已上门查看，制定方案", at.AddHours(claimHours + 2)));
            Do(order.Resolve(WorkOrderActor.Handler, who, result, at.AddDays(resolveDays)));
            if (until == WorkOrderStatus.Resolved) return;
            Do(order.Rate(WorkOrderAction.Rate, WorkOrderActor.Requester, new Actor(null, order.RequesterName ?? "群众"), rating, rating >= 4 ? "很满意，感谢党员同志！" : "还可以", at.AddDays(resolveDays + 1)));
            if (until == WorkOrderStatus.Rated) return;
            Do(order.Close(WorkOrderActor.Dispatcher, admin, "核实办结，销号", at.AddDays(resolveDays + 2)));
        }

        // The seeds' cases.
        var lamps = New("practical-project", "葫芦岛村", "村里道路夜间没有照明，老年人出行不便，希望安装照明路灯，并配一辆电动车方便出行。", "葫芦岛村民", now.AddDays(-60));
        Loop(lamps, "葫芦岛村党支部", now.AddDays(-60), WorkOrderStatus.Rated, 5, "市公务用车保障中心党支部牵头的三级联建片组提供5盏照明路灯装置和1辆电动车，已安装交付。");
        var chairs = New("practical-project", "长白岛三龙村", "村委会议室桌子、凳子陈旧且破损率很高，办公电脑老旧，希望帮助改善办公条件。", "三龙村村委会", now.AddDays(-90), WorkOrderChannel.Desk);
        Loop(chairs, "中心机关第一党支部", now.AddDays(-90), WorkOrderStatus.Closed, 5, "中心机关第一党支部携手定海区机关事务管理中心党支部，从公物仓调配旧会议椅、台式旧电脑支持三龙村村委会。");
        var road = New("repair", "枸杞乡龙泉村", "干斜岗弄路村路面破损严重，修复工程需建设费用20余万元，请求协调资金支持。", "龙泉村村委会", now.AddDays(-20), WorkOrderChannel.Desk);
        Loop(road, "嵊泗县机关事务管理中心党支部", now.AddDays(-20), WorkOrderStatus.Claimed);
        var ladder = ladders[categories["repair"].EscalationLadderId];
        for (var level = 1; level <= 2; level++) Do(road.Escalate(WorkOrderActor.System, level, ladder.Level(level)!.Name, now.AddDays(-8 + level * 2)));
        var mussels = New("sales", "枸杞乡龙泉村", "龙泉村贻贝养殖业优势突出，今年产量大，希望帮助对接销售渠道（共富食味坊）。", "龙泉村养殖户", now.AddDays(-3));
        Loop(mussels, "龙泉村党支部", now.AddDays(-3), WorkOrderStatus.Dispatched, pool: true);
        var museum = New("practical-project", "五联村", "摘箬山地质科普馆建设资金缺口，希望协调资金支持。", "五联村村委会", now.AddDays(-30), WorkOrderChannel.Desk);
        Loop(museum, "五联村党支部", now.AddDays(-30), WorkOrderStatus.Resolved, result: "机关四支部、定海区中心支部联手协调资金支持2万元。");
        New("medical", "兴港村", "活动都在镇中心，我们这里冷清得很。村里老人多，希望有医疗专家来村里送医送药。", "兴港村村民", now.AddHours(-5));

        // A year of ordinary work, deterministic.
        var rng = new Random(20260101);
        var villages = new[] { ("长白岛三龙村", "三龙村党支部"), ("葫芦岛村", "葫芦岛村党支部"), ("长西村", "长西村党支部"), ("枸杞乡龙泉村", "龙泉村党支部"), ("五联村", "五联村党支部"), ("东岠岛村", "东岠岛村党支部"), ("塔湾村", "塔湾村党支部"), ("东海社区第一网格", "第一网格党支部") };
        var asks = new (string Category, string Text)[]
        {
            ("agri-tech", "大棚蔬菜病虫害，请农技专家上门指导"), ("medical", "独居老人需要上门测血压、配药"), ("legal", "宅基地纠纷，想咨询法律意见"),
            ("repair", "村道路灯不亮"), ("repair", "码头护栏松动，存在安全隐患"), ("errand", "帮忙代办老年证"), ("sales", "海产品滞销，请帮忙对接销路"),
            ("culture", "希望组织一场送戏下乡"), ("policy-talk", "想了解渔业补贴新政策"), ("practical-project", "村文化礼堂需要添置音响设备"),
        };
        // Two years of work, so that the dashboard's 同比 (same period last year) has something to compare with; work
        // older than three months is finished (closed, rated, rejected or withdrawn), as it would be.
        for (var i = 0; i < 500; i++)
        {
            var (place, branch) = villages[rng.Next(villages.Length)];
            var (category, text) = asks[rng.Next(asks.Length)];
            var days = i < 300 ? rng.Next(2, 365) : rng.Next(365, 730);
            var at = now.AddDays(-days).AddMinutes(-rng.Next(0, 600));
            var order = New(category, place, text, "村民" + (i + 1), at, rng.Next(4) == 0 ? WorkOrderChannel.QrCode : WorkOrderChannel.Phone);
            var roll = rng.Next(100);
            if (days > 90 && roll is >= 75 and < 94) roll = rng.Next(75);
            var until = roll switch
            {
                < 55 => WorkOrderStatus.Closed,
                < 75 => WorkOrderStatus.Rated,
                < 83 => WorkOrderStatus.Resolved,
                < 90 => WorkOrderStatus.Claimed,
                < 94 => WorkOrderStatus.Dispatched,
                < 97 => WorkOrderStatus.Rejected,
                _ => WorkOrderStatus.Withdrawn,
            };
            if (until == WorkOrderStatus.Rejected) Do(order.Reject(WorkOrderActor.Dispatcher, admin, "不属于服务范围，已告知群众咨询渠道", at.AddHours(2)));
            else if (until == WorkOrderStatus.Withdrawn) Do(order.Withdraw(WorkOrderActor.Requester, new Actor(null, order.RequesterName!), "问题已自行解决", at.AddHours(1)));
            else Loop(order, branch, at, until, rng.Next(100) < 93 ? 4 + rng.Next(2) : 1 + rng.Next(3), claimHours: 1 + rng.Next(8), resolveDays: 1 + rng.Next(rng.Next(10) == 0 ? 30 : 8));
        }

        await db.SaveChangesAsync(ct);
    }
}
