using Lianjian.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianjian.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AlliancesPageTests(BrowserApp app)
{
    [Fact]
    public async Task AllianceDetails_ShowMembersAndTheFourAgreementSteps()
    {
        var page = await AdminUi.OpenAs(app, "dinghai", "/admin/alliances");
        var list = page.Locator("[data-testid=alliances-table]");
        await list.GetByText("三龙村三级联建片组", new LocatorGetByTextOptions { Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-testid=alliance-name]")).ToHaveTextAsync("三龙村三级联建片组");
        var members = page.Locator("[data-testid=alliance-members]");
        await Expect(members).ToContainTextAsync("中心机关第一党支部");
        await Expect(members).ToContainTextAsync("三龙村党支部");
        await Expect(members.Locator("tr", new LocatorLocatorOptions { HasText = "牵头" })).ToContainTextAsync("中心机关第一党支部");

        var steps = page.Locator("[data-testid=agreement-lifecycle] [data-step]");
        await Expect(steps).ToHaveCountAsync(4);
        Assert.Equal(["谈约", "签约", "履约", "评约"], await steps.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.step)"));
        Assert.Equal(["1", "1", "1", "1"], await steps.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.reached)"));
        await Expect(page.Locator("[data-testid=agreement-lifecycle]")).ToContainTextAsync("2026年2月20日");
        await Expect(page.Locator("[data-testid=agreement-evaluation]")).ToHaveTextAsync("优秀");
        await BrowserApp.Screenshot(page, "14-admin-alliance-details");
    }

    [Fact]
    public async Task AgreementStillBeingNegotiated_ShowsLaterStepsAsNotYetDone()
    {
        var page = await AdminUi.OpenAs(app, "putuo", "/admin/alliances");
        await page.Locator("[data-testid=alliances-table]").GetByText("东岠岛三级联建片组", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        var steps = page.Locator("[data-testid=agreement-lifecycle] [data-step]");
        await Expect(steps).ToHaveCountAsync(4);
        Assert.Equal(["1", "0", "0", "0"], await steps.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.reached)"));
        await Expect(page.Locator("[data-testid=agreement-status]")).ToHaveTextAsync("谈约");
    }

    [Fact]
    public async Task JointMeetings_ShowMinutesAndDecisions()
    {
        var page = await AdminUi.OpenAs(app, "admin", "/admin/alliances");
        var links = await page.Locator("[data-testid=alliances-table] tbody a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.NotEmpty(links);

        // The demo data holds one meeting; find the alliance that has it.
        foreach (var href in links)
        {
            await page.GotoAsync(href);
            await BrowserApp.WaitInteractive(page);
            await Expect(page.Locator("[data-testid=alliance-meetings]")).ToBeVisibleAsync();
            if (await page.Locator("[data-testid=meeting]").CountAsync() == 0) continue;

            var meeting = page.Locator("[data-testid=meeting]").First;
            await Expect(meeting).ToContainTextAsync("2025年三级支部党建联建联席会议");
            await Expect(meeting).ToContainTextAsync("会议纪要");
            await Expect(meeting.Locator("[data-testid=meeting-decisions] li")).ToHaveCountAsync(2);
            await Expect(meeting).ToContainTextAsync("2025-05-15 09:30");
            await BrowserApp.Screenshot(page, "15-admin-alliance-meeting");
            return;
        }

        Assert.Fail("没有找到带联席会议的联建。");
    }

    [Fact]
    public async Task AllianceOfAnotherDistrict_IsNotFound()
    {
        var dinghai = await AdminUi.OpenAs(app, "dinghai", "/admin/alliances");
        await dinghai.Locator("[data-testid=alliances-table]").GetByText("三龙村三级联建片组", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await Expect(dinghai.Locator("[data-testid=alliance-name]")).ToBeVisibleAsync();

        var putuo = await AdminUi.OpenAs(app, "putuo", "/admin/alliances");
        await Expect(putuo.Locator("[data-testid=alliances-table]")).Not.ToContainTextAsync("三龙村三级联建片组");
        await putuo.GotoAsync(dinghai.Url);
        await BrowserApp.WaitInteractive(putuo);
        await Expect(putuo.Locator("[data-testid=error-alert]")).ToContainTextAsync("联建不存在，或您所在的组织不属于该联建。");
    }
}
