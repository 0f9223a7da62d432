using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Lianjian.IntegrationTests.Infrastructure;

namespace Lianjian.IntegrationTests.WorkOrders;

/// <summary>
/// The phone pages' plain HTML forms (/m/submit, /m/t/{token}) posted as a browser would: multipart with the
/// antiforgery token and the hidden fields the page rendered.
/// </summary>
public abstract partial class PhoneFormTests(LianjianFactory app)
{
    private const string Village = "长白岛三龙村";

    [Fact]
    public async Task A_resident_submits_through_the_qr_page_and_gets_a_tracking_number()
    {
        var dinghai = await app.LoginAs("dinghai");
        using var phone = app.CreateClient();
        var page = await Open(phone, $"/m/submit?place={await dinghai.OrgId(Village)}");
        Assert.Contains(Village, page.Html);
        var marker = WriteApiHelpers.Unique("扫码报修路灯");

        var response = await phone.PostAsync(page.Action, Fields(page, await Category(dinghai), marker, ("photos", WriteApiHelpers.Png(), "路灯.png")));
        var html = await Html(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var number = Regex.Match(html, @"data-testid=""tracking-number"">(GD-[0-9-]+)<").Groups[1].Value;
        Assert.StartsWith("GD-", number);
        Assert.Contains("保存此链接可随时查看进度和评价", html);
        var link = Regex.Match(html, @"href=""(/m/t/[^""]+)"" data-testid=""tracking-link""").Groups[1].Value;

        var order = Assert.Single((await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}")).Items);
        Assert.Equal(number, order.Number);
        var details = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{order.Id}");
        Assert.Equal("QrCode", details.Channel);
        Assert.Single(details.Timeline.Single().Photos);

        var tracking = await Html(await phone.GetAsync(link));
        Assert.Contains(number, tracking);
        Assert.Contains(marker, tracking);
        Assert.Contains("撤回工单", tracking);
    }

    [Fact]
    public async Task A_fake_photo_is_refused_beside_the_field_the_input_is_kept_and_no_order_is_made()
    {
        var dinghai = await app.LoginAs("dinghai");
        using var phone = app.CreateClient();
        var page = await Open(phone, $"/m/submit?place={await dinghai.OrgId(Village)}");
        var marker = WriteApiHelpers.Unique("假照片");

        var response = await phone.PostAsync(page.Action, Fields(page, await Category(dinghai), marker, ("photos", Encoding.UTF8.GetBytes("not an image at all"), "路灯.jpg")));
        var html = await Html(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"class=""m-field-error"" role=""alert"">[^<]*(JPEG|PNG|类型|格式)", html);
        Assert.Contains(marker, html); // the description is still in the textarea
        Assert.Contains("13905800002", html);
        Assert.DoesNotContain("data-testid=\"tracking-number\"", html);
        Assert.Empty((await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}")).Items);
    }

    [Fact]
    public async Task Missing_fields_are_shown_in_chinese_beside_their_inputs()
    {
        var dinghai = await app.LoginAs("dinghai");
        using var phone = app.CreateClient();
        var page = await Open(phone, $"/m/submit?place={await dinghai.OrgId(Village)}");
        var form = Fields(page, null, "  ", phoneNumber: "123");
        var html = await Html(await phone.PostAsync(page.Action, form));
        Assert.Contains("请按提示修改后再提交", html);
        Assert.Contains("请选择服务类别", html);
        Assert.Contains("需求描述", html);
        Assert.Equal(3, Regex.Matches(html, "class=\"m-field-error\"").Count);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var dinghai = await app.LoginAs("dinghai");
        using var phone = app.CreateClient();
        var page = await Open(phone, $"/m/submit?place={await dinghai.OrgId(Village)}");
        var marker = WriteApiHelpers.Unique("无令牌");
        page.Hidden.Remove("__RequestVerificationToken");

        var response = await phone.PostAsync(page.Action, Fields(page, await Category(dinghai), marker));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}")).Items);
    }

    [Fact]
    public async Task The_same_form_posted_twice_makes_one_order()
    {
        var dinghai = await app.LoginAs("dinghai");
        using var phone = app.CreateClient();
        var page = await Open(phone, $"/m/submit?place={await dinghai.OrgId(Village)}");
        var category = await Category(dinghai);
        var marker = WriteApiHelpers.Unique("双击提交");

        // A double tap: both posts leave before either answers.
        var posts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => phone.PostAsync(page.Action, Fields(page, category, marker))));
        // A retry after a timeout: the same form sent again later.
        var retry = await phone.PostAsync(page.Action, Fields(page, category, marker));

        var numbers = new List<string>();
        foreach (var response in posts.Append(retry))
        {
            var html = await Html(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            numbers.Add(Regex.Match(html, @"data-testid=""tracking-number"">(GD-[0-9-]+)<").Groups[1].Value);
        }

        Assert.Single(numbers.Distinct());
        Assert.StartsWith("GD-", numbers[0]);
        Assert.Single((await dinghai.GetJson<WorkOrderPageDto>($"/api/work-orders?text={Uri.EscapeDataString(marker)}")).Items);
    }

    [Fact]
    public async Task The_requester_rates_through_the_tracking_page_and_an_unknown_link_is_a_friendly_404()
    {
        var dinghai = await app.LoginAs("dinghai");
        var sanlong = await app.LoginAs("sanlong");
        var submitted = await (await dinghai.PostJson("/api/work-orders", new
        {
            categoryId = await Category(dinghai), description = WriteApiHelpers.Unique("评价测试"), placeOrganizationId = await dinghai.OrgId(Village), channel = "Desk",
        })).Read<SubmittedDto>();
        await dinghai.PostJson($"/api/work-orders/{submitted.Id}/dispatch", new { organizationId = await dinghai.OrgId("三龙村党支部") }).Ok();
        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/claim", new { }).Ok();
        await sanlong.PostJson($"/api/work-orders/{submitted.Id}/resolve", new { note = "已修好" }).Ok();

        using var phone = app.CreateClient();
        var page = await Open(phone, $"/m/t/{submitted.TrackingToken}", "rate-form");
        Assert.Contains("已修好", page.Html);

        var noStars = await Html(await phone.PostAsync(page.Action, Encoded(page.Hidden, ("RatingComment", "没选星"))));
        Assert.Contains("请选择评价星级", noStars);
        Assert.Contains("没选星", noStars);

        var rated = await Html(await phone.PostAsync(page.Action, Encoded(page.Hidden, ("Rating", "5"), ("RatingComment", "修得很快"))));
        Assert.Contains("感谢您的评价", rated);
        Assert.Contains("已办结，已评价", rated);
        Assert.DoesNotContain("data-testid=\"rate-form\"", rated);
        var order = await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}");
        Assert.Equal(("Rated", 5), (order.Status, order.Rating));

        // Posting the same rating again (a second tap) finds the order already rated: a clear message, no second step.
        var again = await Html(await phone.PostAsync(page.Action, Encoded(page.Hidden, ("Rating", "4"))));
        Assert.Contains("role=\"alert\"", again);
        Assert.Single((await dinghai.GetJson<WorkOrderDto>($"/api/work-orders/{submitted.Id}")).Timeline, t => t.Action == "Rate");

        var missing = await phone.GetAsync("/m/t/no-such-tracking-token-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("没有找到这张工单", await Html(missing));
    }

    /// <summary>The page as text: the server writes Chinese as character references (&amp;#x957F;).</summary>
    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<Guid> Category(HttpClient client) =>
        (await client.GetJson<List<CategoryDto>>("/api/work-order-categories")).Single(c => c.Code == "repair").Id;

    /// <summary>A rendered form: where it posts and its hidden fields (handler, antiforgery token, request id, place).</summary>
    private sealed record RenderedForm(string Html, string Action, Dictionary<string, string> Hidden);

    private static async Task<RenderedForm> Open(HttpClient client, string url, string testId = "submit-form")
    {
        var response = await client.GetAsync(url);
        var html = await Html(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = Regex.Match(html, $@"<form[^>]*data-testid=""{testId}""[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"no form {testId} on {url}");
        var action = Regex.Match(form.Value, @"action=""([^""]+)""").Groups[1].Value;
        var hidden = HiddenInput().Matches(form.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return new RenderedForm(html, WebUtility.HtmlDecode(string.IsNullOrEmpty(action) ? url : action), hidden);
    }

    private static MultipartFormDataContent Fields(RenderedForm page, Guid? category, string description, params (string Name, byte[] Content, string FileName)[] files) =>
        Fields(page, category, description, "13905800002", files);

    private static MultipartFormDataContent Fields(RenderedForm page, Guid? category, string description, string phoneNumber, params (string Name, byte[] Content, string FileName)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in page.Hidden) form.Add(new StringContent(value), name);
        form.Add(new StringContent(category?.ToString() ?? ""), "Input.CategoryId");
        form.Add(new StringContent(description), "Input.Description");
        form.Add(new StringContent("村委会门口"), "Input.Address");
        form.Add(new StringContent(phoneNumber), "Input.Phone");
        foreach (var (name, content, fileName) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, name, fileName);
        }

        return form;
    }

    private static FormUrlEncodedContent Encoded(Dictionary<string, string> hidden, params (string Name, string Value)[] fields) =>
        new(hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    [GeneratedRegex(@"<input type=""hidden"" name=""([^""]+)"" value=""([^""]*)""")]
    private static partial Regex HiddenInput();
}

[Collection(SqliteCollection.Name)]
public sealed class PhoneFormTests_Sqlite(SqliteApp app) : PhoneFormTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PhoneFormTests_Postgres(PostgresApp app) : PhoneFormTests(app);
