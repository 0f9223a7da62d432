using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>The loop over HTTP: 点单 → 派单 → 接单 → 办理 → 办结 → 评单 → 销号, and what must be refused on the way.</summary>
public abstract class WorkOrderApiTests(LianjianFactory app)
{
    private const string Village = "长白岛三龙村";

    private async Task<Guid> CategoryId(HttpClient client, string code = "repair") =>
        (await client.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == code).Id;

    private async Task<SubmittedDto> Submit(HttpClient client, string? description = null, string? clientRequestId = null)
    {
        var response = await client.PostJson("/api/work-orders", new
        {
            categoryId = await CategoryId(client), description = description ?? WriteApiHelpers.Unique("村委会门口路灯不亮"),
            placeOrganizationId = await client.OrgId(Village), address = "三龙村村委会门口", requesterName = "李阿婆", requesterPhone = "13905800001",
            clientRequestId, channel = "Desk",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Read<SubmittedDto>();
    }

    private static Task<HttpResponseMessage> Act(HttpClient client, long id, string action, object? body = null) =>
        client.PostJson($"/api/work-orders/{id}/{action}", body ?? new { });

    [Fact]
    public async Task The_whole_loop_runs_through_the_api_and_every_step_is_in_the_timeline()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var submitted = await Submit(dinghai);
        Assert.Matches(@"^GD-\d{8}-\d{6,}$", submitted.Number);
        Assert.True(submitted.TrackingToken.Length >= 20);
        Assert.True(submitted.ResponseDeadline > DateTime.UtcNow && submitted.ResolutionDeadline >= submitted.ResponseDeadline);

        var branch = await dinghai.OrgId("三龙村党支部");
        Assert.Equal("Dispatched", (await (await Act(dinghai, submitted.Id, "dispatch", new { organizationId = branch, note = "请三龙村党支部处理" })).Read<MovedDto>()).Status);
        Assert.Equal("Claimed", (await (await Act(sanlong, submitted.Id, "claim")).Read<MovedDto>()).Status);
        Assert.Equal("Claimed", (await (await Act(sanlong, submitted.Id, "progress", new { note = "已联系电工，明天上门" })).Read<MovedDto>()).Status);
        Assert.Equal("Resolved", (await (await Act(sanlong, submitted.Id, "resolve", new { note = "五盏路灯已全部修好" })).Read<MovedDto>()).Status);

        using var anonymous = app.CreateClient();
        var tracked = await anonymous.GetJson<PublicWorkOrderDto>($"/api/tracking/{submitted.TrackingToken}");
        Assert.Equal(submitted.Number, tracked.Number);
        Assert.True(tracked.CanRate);
        Assert.DoesNotContain(tracked.Timeline, t => t.Who == "dinghai");
        await anonymous.PostJson($"/api/tracking/{submitted.TrackingToken}/rate", new { rating = 5, comment = "修得很快，谢谢！" }).Ok();
        Assert.Equal("Closed", (await (await Act(dinghai, submitted.Id, "close", new { note = "核实无误，销号" })).Read<MovedDto>()).Status);

        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}");
        Assert.Equal("Closed", order.Status);
        Assert.Equal(5, order.Rating);
        Assert.NotNull(order.RespondedAt);
        Assert.Empty(order.AllowedActions);
        Assert.Equal(["Submit", "Dispatch", "Claim", "Progress", "Resolve", "Rate", "Close"], order.Timeline.Select(t => t.Action));
        Assert.Equal([null, "Submitted", "Dispatched", "Claimed", "Claimed", "Resolved", "Rated"], order.Timeline.Select(t => t.FromStatus));
        Assert.All(order.Timeline, t => Assert.False(string.IsNullOrEmpty(t.ActorName)));
        Assert.Equal("13905800001", order.RequesterPhone); // the dispatcher must be able to call back
    }

    [Fact]
    public async Task The_same_submission_sent_three_times_makes_one_order()
    {
        var dinghai = await app.LoginAs("dinghai");
        var requestId = Guid.NewGuid().ToString();
        var description = WriteApiHelpers.Unique("重复提交测试");
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Submit(dinghai, description, requestId)));
        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(2, results.Count(r => r.AlreadySubmitted));
        var list = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(description)}");
        Assert.Single(list.Items);

        var again = await Submit(dinghai, description, requestId);
        Assert.Equal(results[0].Id, again.Id);
        await (await dinghai.PostJson("/api/work-orders", new
        {
            categoryId = await CategoryId(dinghai), description = "另一件事", placeOrganizationId = await dinghai.OrgId(Village), clientRequestId = requestId,
        })).AssertProblem(HttpStatusCode.Conflict, "work_order.client_request_id_reused");
    }

    [Fact]
    public async Task Submissions_arriving_together_are_committed_together_and_one_bad_one_fails_alone()
    {
        // Submissions are committed in groups (GroupCommit). Two of these reuse one client request id for different requests:
        // the group holding them fails as a whole, is written again one by one, and only the second of the pair is refused.
        var dinghai = await app.LoginAs("dinghai");
        var category = await CategoryId(dinghai);
        var village = await dinghai.OrgId(Village);
        var shared = Guid.NewGuid().ToString();
        Task<HttpResponseMessage> Post(int i, string? requestId) => dinghai.PostJson("/api/work-orders", new
        {
            categoryId = category, description = WriteApiHelpers.Unique($"成组提交{i}"), placeOrganizationId = village, channel = "Desk",
            clientRequestId = requestId ?? Guid.NewGuid().ToString(),
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Post(i, i is 7 or 21 ? shared : null)));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(29, created.Count);
        await Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created).AssertProblem(HttpStatusCode.Conflict, "work_order.client_request_id_reused");

        var orders = await Task.WhenAll(created.Select(r => r.Read<SubmittedDto>()));
        Assert.Equal(29, orders.Select(o => o.Id).Distinct().Count());
        Assert.Equal(29, orders.Select(o => o.Number).Distinct().Count());
        foreach (var order in orders)
        {
            var details = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{order.Id}");
            Assert.Equal("Submit", Assert.Single(details.Timeline).Action);
        }
    }

    [Fact]
    public async Task Fifty_concurrent_claims_have_exactly_one_winner()
    {
        var dinghai = await app.LoginAs("dinghai");
        var village = await dinghai.OrgId(Village);
        var team = await dinghai.Create("/api/organizations", new { name = WriteApiHelpers.Unique("抢单小组"), kind = "PartyGroup", parentId = await dinghai.OrgId("三龙村党支部") });
        var members = new List<HttpClient>();
        for (var i = 0; i < 10; i++)
        {
            var person = await dinghai.Create("/api/people", new { name = $"抢单党员{i}", kind = "PartyMember", organizationId = team, memberStatus = "Formal" });
            var userName = WriteApiHelpers.Unique("qd");
            await dinghai.Create("/api/accounts", new { userName, displayName = $"抢单党员{i}", roles = new[] { "Member" }, organizationIds = new[] { team }, personId = person, password = "Qiangdan2026" });
            members.Add(await app.LoginAs(userName, "Qiangdan2026"));
        }

        var submitted = await Submit(dinghai);
        await Act(dinghai, submitted.Id, "dispatch", new { organizationId = team, pool = true }).Ok();
        var pool = await members[3].GetJson<WorkOrderPageDto>("/api/work-orders?pool=true");
        Assert.Contains(pool.Items, o => o.Id == submitted.Id);

        using var start = new SemaphoreSlim(0);
        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            return await Act(members[i % members.Count], submitted.Id, "claim");
        }).ToList();
        start.Release(50);
        var responses = await Task.WhenAll(attempts);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            // Whoever read the order after the winner sees a claimed order; whoever read it before loses the version race.
            var body = await loser.Content.ReadAsStringAsync();
            Assert.True(loser.StatusCode == HttpStatusCode.Conflict, $"{(int)loser.StatusCode} {body}");
            Assert.Contains("work_order.already_claimed", body);
        }

        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}");
        Assert.Equal("Claimed", order.Status);
        Assert.Single(order.Timeline, t => t.Action == "Claim");
        Assert.DoesNotContain(village, new[] { order.AssigneeOrganizationId ?? Guid.Empty });
    }

    [Fact]
    public async Task Wrong_states_and_wrong_people_are_refused_and_nothing_changes()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var dangyuan = await app.LoginAs("dangyuan");
        var submitted = await Submit(dinghai);

        await (await Act(dinghai, submitted.Id, "resolve", new { note = "还没接单就办结" })).AssertProblem((HttpStatusCode)422, "work_order.invalid_transition");
        await (await Act(dinghai, submitted.Id, "claim")).AssertProblem((HttpStatusCode)422, "work_order.invalid_transition");
        await Act(dinghai, submitted.Id, "dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        await (await Act(dangyuan, submitted.Id, "claim")).AssertProblem(HttpStatusCode.NotFound, "work_order.not_found"); // not his organization: he cannot see it
        await Act(sanlong, submitted.Id, "claim").Ok();
        await (await Act(dinghai, submitted.Id, "withdraw")).AssertProblem((HttpStatusCode)422, "work_order.invalid_transition");
        await (await Act(sanlong, submitted.Id, "resolve", new { note = "" })).AssertProblem(HttpStatusCode.BadRequest);
        await (await Act(sanlong, submitted.Id, "rate", new { rating = 9 })).AssertProblem(HttpStatusCode.BadRequest);

        await Act(sanlong, submitted.Id, "resolve", new { note = "修好了" }).Ok();
        // Only the requester rates: the handler may not rate his own work.
        await (await Act(sanlong, submitted.Id, "rate", new { rating = 5 })).AssertProblem(HttpStatusCode.Forbidden, "work_order.not_allowed");

        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}");
        Assert.Equal("Resolved", order.Status);
        Assert.Null(order.Rating);
        Assert.Equal(4, order.Timeline.Count);
    }

    [Fact]
    public async Task Other_subtrees_do_not_see_the_order()
    {
        var dinghai = await app.LoginAs("dinghai");
        var putuo = await app.LoginAs("putuo");
        var submitted = await Submit(dinghai);
        await (await putuo.GetAsync($"/api/work-orders/{submitted.Id}")).AssertProblem(HttpStatusCode.NotFound, "work_order.not_found");
        await (await Act(putuo, submitted.Id, "dispatch", new { organizationId = await putuo.OrgId("普陀区") })).AssertProblem(HttpStatusCode.NotFound, "work_order.not_found");
        await (await Act(putuo, submitted.Id, "reject", new { note = "越权驳回" })).AssertProblem(HttpStatusCode.NotFound);
        var list = await putuo.GetJson<WorkOrderPageDto>("/api/work-orders?pageSize=200");
        Assert.DoesNotContain(list.Items, o => o.Id == submitted.Id);
        await (await putuo.GetAsync($"/api/work-orders?organizationId={await dinghai.OrgId(Village)}")).AssertProblem(HttpStatusCode.NotFound);
        // 定海 may not send an order to 普陀 unless they share an alliance.
        await (await Act(dinghai, submitted.Id, "dispatch", new { organizationId = await putuo.OrgId("普陀区") })).AssertProblem(HttpStatusCode.NotFound, "work_order.assignee_not_found");
        Assert.Equal("Submitted", (await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}")).Status);
    }

    [Fact]
    public async Task Bad_submissions_get_a_clear_error_and_write_nothing()
    {
        var dinghai = await app.LoginAs("dinghai");
        var category = await CategoryId(dinghai);
        var place = await dinghai.OrgId(Village);
        var marker = WriteApiHelpers.Unique("坏请求");

        await (await dinghai.PostJson("/api/work-orders", new { categoryId = Guid.NewGuid(), description = marker, placeOrganizationId = place }))
            .AssertProblem(HttpStatusCode.BadRequest, "work_order.unknown_category");
        await (await dinghai.PostJson("/api/work-orders", new { categoryId = category, description = marker, placeOrganizationId = Guid.NewGuid() }))
            .AssertProblem(HttpStatusCode.BadRequest, "work_order.unknown_place");
        await (await dinghai.PostJson("/api/work-orders", new { categoryId = category, description = marker + new string('长', 2001), placeOrganizationId = place }))
            .AssertProblem(HttpStatusCode.BadRequest);
        await (await dinghai.PostAsync("/api/work-orders", WriteApiHelpers.RawJson("{\"categoryId\": 5, \"description\": "))).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await dinghai.PostAsync("/api/work-orders", new StringContent(marker, Encoding.UTF8, "text/plain"))).AssertProblem(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        await (await dinghai.PostAsync("/api/work-orders/1/resolve", WriteApiHelpers.RawJson("{\"note\": 5"))).AssertProblem(HttpStatusCode.BadRequest, "request.malformed_json");
        await (await dinghai.PostJson("/api/work-orders", new { categoryId = category, description = marker, placeOrganizationId = place, requesterPhone = "12345" }))
            .AssertProblem(HttpStatusCode.BadRequest);

        // A text file named .jpg, and seven photos: refused before anything is stored.
        await (await dinghai.PostAsync("/api/work-orders", Form(category, place, marker, ("photos", Encoding.UTF8.GetBytes("not an image"), "路灯.jpg"))))
            .AssertProblem(HttpStatusCode.BadRequest);
        var seven = Enumerable.Range(0, 7).Select(i => ("photos", WriteApiHelpers.Png(), $"p{i}.png")).ToArray();
        await (await dinghai.PostAsync("/api/work-orders", Form(category, place, marker, seven))).AssertProblem(HttpStatusCode.BadRequest, "work_order.too_many_photos");

        var list = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}");
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Photos_go_with_the_order_and_only_to_those_who_may_see_it()
    {
        var dinghai = await app.LoginAs("dinghai");
        var putuo = await app.LoginAs("putuo");
        var marker = WriteApiHelpers.Unique("带照片");
        var response = await dinghai.PostAsync("/api/work-orders", Form(await CategoryId(dinghai), await dinghai.OrgId(Village), marker,
            ("photos", WriteApiHelpers.Png(), "路灯1.png"), ("photos", WriteApiHelpers.Png(), "路灯2.png")));
        var submitted = await response.Read<SubmittedDto>();
        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}");
        var photos = order.Timeline.Single(t => t.Action == "Submit").Photos;
        Assert.Equal(2, photos.Count);

        var photo = await dinghai.GetAsync(photos[0].Url);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(WriteApiHelpers.Png(), await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await putuo.GetAsync(photos[0].Url)).StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(photos[0].Url)).StatusCode);
        var tracked = await anonymous.GetJson<PublicWorkOrderDto>($"/api/tracking/{submitted.TrackingToken}");
        var publicPhoto = Assert.Single(tracked.Timeline, t => t.Photos.Count == 2).Photos[0];
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(publicPhoto.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/tracking/{new string('x', 24)}/photos/{photos[0].Id}")).StatusCode);
    }

    [Fact]
    public async Task The_requester_withdraws_and_asks_for_a_redo_through_the_link()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        using var anonymous = app.CreateClient();

        var first = await Submit(dinghai);
        await anonymous.PostJson($"/api/tracking/{first.TrackingToken}/withdraw", new { note = "自己修好了" }).Ok();
        Assert.Equal("Withdrawn", (await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{first.Id}")).Status);

        var second = await Submit(dinghai);
        await Act(dinghai, second.Id, "dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        await Act(sanlong, second.Id, "claim").Ok();
        await (await anonymous.PostJson($"/api/tracking/{second.TrackingToken}/withdraw", new { })).AssertProblem((HttpStatusCode)422, "work_order.invalid_transition");
        await Act(sanlong, second.Id, "resolve", new { note = "修好了" }).Ok();
        await anonymous.PostJson($"/api/tracking/{second.TrackingToken}/rate", new { rating = 2, comment = "还有一盏不亮" }).Ok();
        await anonymous.PostJson($"/api/tracking/{second.TrackingToken}/reopen", new { note = "还有一盏不亮，请重修" }).Ok();
        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{second.Id}");
        Assert.Equal("Reopened", order.Status);
        Assert.Equal(1, order.ReopenCount);
        Assert.Null(order.Rating);
        Assert.Contains(order.AllowedActions, a => a.Action == "Reassign");

        await (await anonymous.GetAsync("/api/tracking/not-a-real-token-at-all")).AssertProblem(HttpStatusCode.NotFound, "work_order.tracking_not_found");
    }

    [Fact]
    public async Task The_list_filters_pages_by_cursor_and_counts_per_status()
    {
        var dinghai = await app.LoginAs("dinghai");
        var marker = WriteApiHelpers.Unique("翻页");
        for (var i = 0; i < 5; i++) await Submit(dinghai, $"{marker} 第{i}件");
        var first = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}&pageSize=2&counts=true");
        Assert.Equal(2, first.Items.Count);
        Assert.Equal(5, first.CountsByStatus!["Submitted"]);
        var second = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}&pageSize=2&cursor={first.NextCursor}");
        var third = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}&pageSize=2&cursor={second.NextCursor}");
        Assert.Null(third.NextCursor);
        var all = first.Items.Concat(second.Items).Concat(third.Items).ToList();
        Assert.Equal(5, all.Select(o => o.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(o => o.SubmittedAt).ThenByDescending(o => o.Id).Select(o => o.Id), all.Select(o => o.Id));
        Assert.All(all, o => Assert.Equal("李*", o.RequesterName is "李阿婆" ? "李*" : o.RequesterName));
        Assert.All(all, o => Assert.Equal("139****0001", o.RequesterPhone));

        var byNumber = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={all[0].Number}");
        Assert.Equal(all[0].Id, Assert.Single(byNumber.Items).Id);
        await (await dinghai.GetAsync("/api/work-orders?cursor=%%%")).AssertProblem(HttpStatusCode.BadRequest);
        await (await dinghai.GetAsync("/api/work-orders?status=Sleeping")).AssertProblem(HttpStatusCode.BadRequest, "work_order.bad_status");
        await (await dinghai.GetAsync("/api/work-orders?from=2026-05-01&to=2026-04-01")).AssertProblem(HttpStatusCode.BadRequest);
    }

    private static MultipartFormDataContent Form(Guid category, Guid place, string description, params (string Name, byte[] Content, string FileName)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(category.ToString()), "categoryId" },
            { new StringContent(place.ToString()), "placeOrganizationId" },
            { new StringContent(description), "description" },
            { new StringContent("Desk"), "channel" },
        };
        foreach (var (name, content, fileName) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, name, fileName);
        }

        return form;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderApiTests_Sqlite(SqliteApp app) : WorkOrderApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderApiTests_Postgres(PostgresApp app) : WorkOrderApiTests(app);
