using System.Net;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

public sealed record TimeLimitDto(int Amount, string Unit);

public sealed record CategoryAdminDto(
    Guid Id, string Code, string Name, string Kind, string KindLabel, string? Description, TimeLimitDto ResponseLimit, string ResponseLimitLabel,
    TimeLimitDto ResolutionLimit, string ResolutionLimitLabel, Guid EscalationLadderId, string EscalationLadderName, int SortOrder, bool IsActive);

public sealed record LevelDto(string Name, string Target, int TimerHours);

public sealed record LadderDto(Guid Id, string Name, List<LevelDto> Levels);

public sealed record SuggestionDto(string Kind, Guid? PersonId, Guid OrganizationId, string Name, string KindLabel, string OrganizationName, int Score, int OpenOrders, List<string> Reasons);

/// <summary>工单设置 (categories, ladders), 码上办 QR codes and 派单建议 over HTTP.</summary>
public abstract class WorkOrderSettingsApiTests(LianjianFactory app)
{
    private const string Village = "长白岛三龙村";

    private static string Code() => "t-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<Guid> DefaultLadder(HttpClient client) =>
        (await client.GetJson<List<LadderDto>>("/api/escalation-ladders")).Single(l => l.Name == "四级逐级响应（默认）").Id;

    private static object Category(string code, string name, Guid ladder, int responseHours = 6, string resolutionUnit = "WorkingDays", int resolutionAmount = 5) => new
    {
        code, name, kind = "ConvenienceItem", description = "测试用类别", responseLimit = new { amount = responseHours, unit = "Hours" },
        resolutionLimit = new { amount = resolutionAmount, unit = resolutionUnit }, escalationLadderId = ladder, sortOrder = 50,
    };

    private static async Task<CategoryAdminDto?> Find(HttpClient client, Guid id, bool includeInactive) =>
        (await client.GetJson<List<CategoryAdminDto>>($"/api/work-order-categories?includeInactive={includeInactive}")).SingleOrDefault(c => c.Id == id);

    private static async Task<SubmittedDto> Submit(HttpClient client, Guid category, string description) =>
        await (await client.PostJson("/api/work-orders", new
        {
            categoryId = category, description = WriteApiHelpers.Unique(description), placeOrganizationId = await client.OrgId(Village), channel = "Desk",
        })).Read<SubmittedDto>();

    [Fact]
    public async Task An_admin_creates_edits_deactivates_and_reactivates_a_category_and_old_orders_keep_it()
    {
        var gongwei = await app.LoginAs("gongwei");
        var dinghai = await app.LoginAs("dinghai");
        var ladder = await DefaultLadder(gongwei);
        var name = WriteApiHelpers.Unique("修船");
        var id = await gongwei.Create("/api/work-order-categories", Category(Code(), name, ladder));

        var created = await Find(gongwei, id, false);
        Assert.NotNull(created);
        Assert.Equal("6小时", created.ResponseLimitLabel);
        Assert.Equal("5个工作日", created.ResolutionLimitLabel);
        Assert.Equal("四级逐级响应（默认）", created.EscalationLadderName);
        Assert.Equal("便民事项", created.KindLabel);

        var code = Code();
        var response = await gongwei.PutJson($"/api/work-order-categories/{id}", Category(code, name + "改", ladder, responseHours: 12, resolutionUnit: "Hours", resolutionAmount: 48));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var edited = await Find(gongwei, id, false);
        Assert.Equal((code, name + "改", "12小时", "48小时"), (edited!.Code, edited.Name, edited.ResponseLimitLabel, edited.ResolutionLimitLabel));

        var order = await Submit(dinghai, id, "渔船发动机故障");
        await gongwei.PostJson($"/api/work-order-categories/{id}/deactivate", new { }).Ok();
        Assert.Null(await Find(dinghai, id, false));
        Assert.False((await Find(gongwei, id, true))!.IsActive);
        Assert.Equal(name + "改", (await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{order.Id}")).CategoryName);
        await (await dinghai.PostJson("/api/work-orders", new { categoryId = id, description = "停用后点单", placeOrganizationId = await dinghai.OrgId(Village) }))
            .AssertProblem(HttpStatusCode.BadRequest, "work_order.unknown_category");

        await gongwei.PostJson($"/api/work-order-categories/{id}/reactivate", new { }).Ok();
        Assert.True((await Find(dinghai, id, false))!.IsActive);
    }

    [Fact]
    public async Task Every_bad_category_is_refused_with_a_chinese_problem_naming_the_field()
    {
        var admin = await app.LoginAs("admin");
        var ladder = await DefaultLadder(admin);
        var limit = new { amount = 6, unit = "Hours" };
        object Bad(string? code = "ok-code", string? name = "正常名称", string? kind = "ConvenienceItem", object? response = null, object? resolution = null,
            Guid? ladderId = null, string? description = null, int sortOrder = 0) =>
            new { code, name, kind, responseLimit = response ?? limit, resolutionLimit = resolution ?? limit, escalationLadderId = ladderId ?? ladder, description, sortOrder };

        var cases = new (object Body, string Field)[]
        {
            (Bad(code: null), "Code"),
            (Bad(code: "Repair"), "Code"),
            (Bad(code: "修理"), "Code"),
            (Bad(code: "a b"), "Code"),
            (Bad(code: new string('a', 41)), "Code"),
            (Bad(name: " "), "Name"),
            (Bad(name: new string('名', 51)), "Name"),
            (Bad(kind: null), "Kind"),
            (Bad(description: new string('述', 501)), "Description"),
            (Bad(response: new { amount = 0, unit = "Hours" }), "ResponseLimit"),
            (Bad(response: new { amount = 24 * 365 + 1, unit = "Hours" }), "ResponseLimit"),
            (Bad(resolution: new { amount = 251, unit = "WorkingDays" }), "ResolutionLimit"),
            (new { code = "ok-code", name = "正常名称", kind = "ConvenienceItem", responseLimit = limit, escalationLadderId = ladder }, "ResolutionLimit"),
            (Bad(ladderId: Guid.NewGuid()), "EscalationLadderId"),
            (Bad(sortOrder: -1), "SortOrder"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await admin.PostJson("/api/work-order-categories", body)).AssertProblem(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", messages[0].GetString());
        }

        await (await admin.PostJson("/api/work-order-categories", new { code = "ok-code", name = "单位错", kind = "ConvenienceItem", responseLimit = new { amount = 6, unit = "Minutes" }, resolutionLimit = limit, escalationLadderId = ladder }))
            .AssertProblem(HttpStatusCode.BadRequest);
        var working = await (await admin.PostJson("/api/work-order-categories", Bad(response: new { amount = 300, unit = "WorkingDays" }))).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("个工作日", working.GetProperty("detail").GetString());

        var code = Code();
        var name = WriteApiHelpers.Unique("唯一");
        await admin.Create("/api/work-order-categories", Category(code, name, ladder));
        await (await admin.PostJson("/api/work-order-categories", Category(code, name + "2", ladder))).AssertProblem(HttpStatusCode.Conflict, "work_order_category.duplicate_code");
        await (await admin.PostJson("/api/work-order-categories", Category(Code(), name, ladder))).AssertProblem(HttpStatusCode.Conflict, "work_order_category.duplicate_name");
        await (await admin.PostJson("/api/work-order-categories", Category("repair", WriteApiHelpers.Unique("维修"), ladder))).AssertProblem(HttpStatusCode.Conflict, "work_order_category.duplicate_code");
        await (await admin.PutJson($"/api/work-order-categories/{Guid.NewGuid()}", Category(Code(), WriteApiHelpers.Unique("无"), ladder))).AssertProblem(HttpStatusCode.NotFound, "work_order_category.not_found");
        await (await admin.PostJson($"/api/work-order-categories/{Guid.NewGuid()}/deactivate", new { })).AssertProblem(HttpStatusCode.NotFound, "work_order_category.not_found");
        Assert.DoesNotContain(await admin.GetJson<List<CategoryAdminDto>>("/api/work-order-categories?includeInactive=true"), c => c.Code == "ok-code");
    }

    [Fact]
    public async Task Only_system_and_committee_admins_change_the_dictionary()
    {
        var ladder = await DefaultLadder(await app.LoginAs("admin"));
        var repair = (await (await app.LoginAs("admin")).GetJson<List<CategoryAdminDto>>("/api/work-order-categories")).Single(c => c.Code == "repair");
        foreach (var user in new[] { "dinghai", "sanlong", "dangyuan", "lingdao" })
        {
            var client = await app.LoginAs(user);
            await (await client.PostJson("/api/work-order-categories", Category(Code(), WriteApiHelpers.Unique("越权"), ladder))).AssertProblem(HttpStatusCode.Forbidden);
            await (await client.PostJson($"/api/work-order-categories/{repair.Id}/deactivate", new { })).AssertProblem(HttpStatusCode.Forbidden);
            await (await client.PutJson($"/api/escalation-ladders/{ladder}", new { name = "越权", levels = new[] { new { name = "一级", target = "Committee", timerHours = 1 } } }))
                .AssertProblem(HttpStatusCode.Forbidden);
        }

        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson("/api/escalation-ladders", new { name = "匿名" })).StatusCode);
        Assert.True((await Find(await app.LoginAs("dinghai"), repair.Id, false))!.IsActive);
        Assert.Equal(4, (await (await app.LoginAs("dinghai")).GetJson<List<LadderDto>>("/api/escalation-ladders")).Single(l => l.Id == ladder).Levels.Count);
    }

    [Fact]
    public async Task A_ladder_is_created_reordered_and_every_bad_level_is_refused()
    {
        var gongwei = await app.LoginAs("gongwei");
        var name = WriteApiHelpers.Unique("三级督办");
        var id = await gongwei.Create("/api/escalation-ladders", new
        {
            name,
            levels = new object[]
            {
                new { name = "网格自办", target = "HandlingOrganization", timerHours = 4 },
                new { name = "村级协调", target = "ParentOrganization", timerHours = 24 },
                new { name = "工委兜底", target = "Committee", timerHours = 720 },
            },
        });
        var ladder = (await gongwei.GetJson<List<LadderDto>>("/api/escalation-ladders")).Single(l => l.Id == id);
        Assert.Equal(["网格自办", "村级协调", "工委兜底"], ladder.Levels.Select(l => l.Name));
        Assert.Equal([4, 24, 720], ladder.Levels.Select(l => l.TimerHours));

        var response = await gongwei.PutJson($"/api/escalation-ladders/{id}", new
        {
            name = name + "改",
            levels = new object[] { new { name = "工委兜底", target = "Committee", timerHours = 8 }, new { name = "网格自办", target = "HandlingOrganization", timerHours = 1 } },
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        ladder = (await gongwei.GetJson<List<LadderDto>>("/api/escalation-ladders")).Single(l => l.Id == id);
        Assert.Equal(name + "改", ladder.Name);
        Assert.Equal([("工委兜底", "Committee", 8), ("网格自办", "HandlingOrganization", 1)], ladder.Levels.Select(l => (l.Name, l.Target, l.TimerHours)));

        var level = new { name = "一级", target = "Committee", timerHours = 6 };
        var cases = new (object Body, string Field)[]
        {
            (new { name = "", levels = new[] { level } }, "Name"),
            (new { name = new string('梯', 51), levels = new[] { level } }, "Name"),
            (new { name = "没有级别", levels = Array.Empty<object>() }, "Levels"),
            (new { name = "九级", levels = Enumerable.Repeat(level, 9).ToArray() }, "Levels"),
            (new { name = "无名", levels = new[] { level, new { name = " ", target = "Committee", timerHours = 6 } } }, "Levels[1].Name"),
            (new { name = "长名", levels = new[] { new { name = new string('级', 31), target = "Committee", timerHours = 6 } } }, "Levels[0].Name"),
            (new { name = "零时", levels = new[] { new { name = "一级", target = "Committee", timerHours = 0 } } }, "Levels[0].TimerHours"),
            (new { name = "超时", levels = new[] { new { name = "一级", target = "Committee", timerHours = 721 } } }, "Levels[0].TimerHours"),
            (new { name = "无对象", levels = new object[] { new { name = "一级", timerHours = 6 } } }, "Levels[0].Target"),
        };
        foreach (var (body, field) in cases)
        {
            var problem = await (await gongwei.PostJson("/api/escalation-ladders", body)).AssertProblem(HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        await (await gongwei.PostJson("/api/escalation-ladders", new { name = "四级逐级响应（默认）", levels = new[] { level } }))
            .AssertProblem(HttpStatusCode.Conflict, "escalation_ladder.duplicate_name");
        await (await gongwei.PutJson($"/api/escalation-ladders/{Guid.NewGuid()}", new { name = WriteApiHelpers.Unique("无"), levels = new[] { level } }))
            .AssertProblem(HttpStatusCode.NotFound, "escalation_ladder.not_found");
    }

    [Fact]
    public async Task The_qr_code_of_a_place_is_a_png_that_opens_the_phone_page_and_only_for_its_scope()
    {
        var dinghai = await app.LoginAs("dinghai");
        var putuo = await app.LoginAs("putuo");
        var village = await dinghai.OrgId(Village);

        var response = await dinghai.GetAsync($"/api/organizations/{village}/qr.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(QrReader.PngSignature, png[..8]);
        Assert.Equal($"http://localhost/m/submit?place={village}", QrReader.Decode(png));

        await (await putuo.GetAsync($"/api/organizations/{village}/qr.png")).AssertProblem(HttpStatusCode.NotFound, "organization.not_found");
        await (await dinghai.GetAsync($"/api/organizations/{Guid.NewGuid()}/qr.png")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAs("dangyuan")).GetAsync($"/api/organizations/{village}/qr.png")).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/organizations/{village}/qr.png")).StatusCode);
    }

    [Fact]
    public async Task Suggestions_rank_a_skilled_member_of_the_village_first_and_leave_out_people_beyond_reach()
    {
        var admin = await app.LoginAs("admin");
        var dinghai = await app.LoginAs("dinghai");
        var ladder = await DefaultLadder(admin);
        var skill = WriteApiHelpers.Unique("补网");
        var category = await admin.Create("/api/work-order-categories", Category(Code(), skill + "服务", ladder));

        async Task<Guid> Person(HttpClient by, string name, string organization, string kind = "PartyMember") =>
            await by.Create("/api/people", new { name, kind, organizationId = await by.OrgId(organization), memberStatus = kind == "Resident" ? null : "Formal", skills = new[] { skill } });
        var villager = await Person(dinghai, "补网能手", "三龙村党支部");
        var busy = await Person(dinghai, "忙碌党员", "三龙村股份经济合作社");
        var partner = await Person(admin, "联建党员", "中心机关第一党支部");
        var stranger = await Person(admin, "外区党员", "葫芦岛村党支部");
        var resident = await Person(dinghai, "村民", Village, "Resident");

        // Two open orders sent to the busy member: load lowers the rank.
        for (var i = 0; i < 2; i++)
        {
            var earlier = await Submit(dinghai, category, "在办工单");
            await dinghai.PostJson($"/api/work-orders/{earlier.Id}/dispatch", new { personId = busy }).Ok();
        }

        var order = await Submit(dinghai, category, "渔网破了需要修补");
        var suggestions = await dinghai.GetJson<List<SuggestionDto>>($"/api/work-orders/{order.Id}/suggestions?max=50");

        var first = suggestions[0];
        Assert.Equal(villager, first.PersonId);
        Assert.Equal(["技能匹配：" + skill, "同村", "当前在办 0 单"], first.Reasons);
        Assert.Equal("三龙村党支部", first.OrganizationName);
        var busyRow = Assert.Single(suggestions, s => s.PersonId == busy);
        Assert.Contains("当前在办 2 单", busyRow.Reasons);
        Assert.True(busyRow.Score < first.Score);
        var partnerRow = Assert.Single(suggestions, s => s.PersonId == partner);
        Assert.Contains("同一联建片组：三龙村三级联建片组", partnerRow.Reasons);
        Assert.Contains("技能匹配：" + skill, partnerRow.Reasons);
        Assert.DoesNotContain(suggestions, s => s.PersonId == stranger || s.PersonId == resident);
        Assert.Contains(suggestions, s => s.Kind == "Organization" && s.Name == "三龙村党支部" && s.Reasons.Contains("同村"));
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.Score), suggestions.Select(s => s.Score));
        Assert.All(suggestions, s => Assert.Contains(s.Reasons, r => r.StartsWith("当前在办")));

        Assert.Equal(3, (await dinghai.GetJson<List<SuggestionDto>>($"/api/work-orders/{order.Id}/suggestions?max=3")).Count);
        await (await (await app.LoginAs("putuo")).GetAsync($"/api/work-orders/{order.Id}/suggestions")).AssertProblem(HttpStatusCode.NotFound, "work_order.not_found");
        await (await dinghai.GetAsync("/api/work-orders/999999999/suggestions")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.LoginAs("dangyuan")).GetAsync($"/api/work-orders/{order.Id}/suggestions")).StatusCode);

        // The dispatcher acts on a suggestion as it stands.
        await dinghai.PostJson($"/api/work-orders/{order.Id}/dispatch", new { organizationId = first.OrganizationId, personId = first.PersonId }).Ok();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderSettingsApiTests_Sqlite(SqliteApp app) : WorkOrderSettingsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderSettingsApiTests_Postgres(PostgresApp app) : WorkOrderSettingsApiTests(app);
