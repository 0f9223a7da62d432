using System.Net;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>导出Excel of the work-order list: the list's filters and scope, Chinese headers, masked phone numbers.</summary>
public abstract class WorkOrderExportTests(LianjianFactory app)
{
    private const string Village = "长白岛三龙村";

    private static readonly string[] Headers =
    [
        "工单编号", "状态", "服务类别", "服务类型", "需求描述", "所在地点", "详细地址", "点单人", "联系电话", "渠道", "承办单位或党员", "办理人",
        "提交时间", "接单时限", "办结时限", "接单时间", "办结时间", "是否超时", "督办级别", "评价(星)",
    ];

    private static async Task<SubmittedDto> Submit(HttpClient client, string description)
    {
        var category = (await client.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;
        var response = await client.PostJson("/api/work-orders", new
        {
            categoryId = category, description, placeOrganizationId = await client.OrgId(Village), address = "三龙村村委会门口",
            requesterName = "李阿婆", requesterPhone = "13905800001", channel = "Desk",
        });
        return await response.Read<SubmittedDto>();
    }

    private static async Task<List<string?[]>> Export(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/work-orders/export?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return Workbooks.Read(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_export_has_Chinese_headers_only_the_filtered_rows_and_masked_phones()
    {
        var dinghai = await app.LoginAs("dinghai");
        var marker = WriteApiHelpers.Unique("导出测试路灯");
        var first = await Submit(dinghai, marker + " 一号");
        var second = await Submit(dinghai, marker + " 二号");
        var other = await Submit(dinghai, WriteApiHelpers.Unique("不在导出里"));
        await dinghai.PostJson($"/api/work-orders/{second.Id}/dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();

        var sheet = await Export(dinghai, $"text={Uri.EscapeDataString(marker)}");
        Assert.Equal(Headers, sheet[0]);
        var rows = sheet.Skip(1).ToList();
        Assert.Equal([second.Number, first.Number], rows.Select(r => r[0])); // newest first, as in the list
        Assert.DoesNotContain(rows, r => r[0] == other.Number);
        Assert.All(rows, r => Assert.Equal("139****0001", r[8]));
        Assert.Equal(["待接单", "待派单"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal("维修服务", r[2]));
        Assert.All(rows, r => Assert.Equal(Village, r[5]));
        Assert.All(rows, r => Assert.Equal("窗口代办", r[9]));
        Assert.Equal("三龙村党支部", rows[0][10]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", rows[0][12]);

        // The status tab and the other filters narrow the export exactly as they narrow the list.
        var dispatched = await Export(dinghai, $"text={Uri.EscapeDataString(marker)}&status=Dispatched");
        Assert.Equal([second.Number], dispatched.Skip(1).Select(r => r[0]));
        var list = await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}&status=Dispatched");
        Assert.Equal(list.Items.Select(i => i.Number), dispatched.Skip(1).Select(r => r[0]));
        var inVillage = await Export(dinghai, $"text={Uri.EscapeDataString(marker)}&organizationId={await dinghai.OrgId(Village)}&kind=ConvenienceItem&overdue=false");
        Assert.Equal(2, inVillage.Count - 1);
        var nothing = await Export(dinghai, $"text={Uri.EscapeDataString(marker)}&from=2000-01-01&to=2000-01-31");
        Assert.Equal([Headers], nothing);
    }

    [Fact]
    public async Task Another_district_exports_none_of_Dinghai_orders()
    {
        var dinghai = await app.LoginAs("dinghai");
        var putuo = await app.LoginAs("putuo");
        var marker = WriteApiHelpers.Unique("定海的工单");
        var order = await Submit(dinghai, marker);

        Assert.Equal(2, (await Export(dinghai, $"text={Uri.EscapeDataString(marker)}")).Count);
        var sheet = await Export(putuo, $"text={Uri.EscapeDataString(marker)}");
        Assert.Equal([Headers], sheet);
        var everything = await Export(putuo, "");
        Assert.DoesNotContain(everything, r => r[0] == order.Number);
        Assert.All(everything.Skip(1), r => Assert.NotEqual(Village, r[5]));
        await (await putuo.GetAsync($"/api/work-orders/export?organizationId={await dinghai.OrgId(Village)}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_filter_is_refused_with_a_Chinese_message()
    {
        var dinghai = await app.LoginAs("dinghai");
        await (await dinghai.GetAsync("/api/work-orders/export?status=Nope")).AssertProblem(HttpStatusCode.BadRequest, "work_order.bad_status");
        await (await dinghai.GetAsync("/api/work-orders/export?from=2026-02-01&to=2026-01-01")).AssertProblem(HttpStatusCode.BadRequest);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/work-orders/export")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkOrderExportTests_Sqlite(SqliteApp app) : WorkOrderExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkOrderExportTests_Postgres(PostgresApp app) : WorkOrderExportTests(app);
