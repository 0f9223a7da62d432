using Microsoft.Playwright;

namespace Lianjian.BrowserTests.Infrastructure;

/// <summary>Intent helpers for the MudBlazor back office: open a page as a demo user, pick from selects and autocompletes, work the tree.</summary>
public static class AdminUi
{
    public const float Timeout = 15_000;

    /// <summary>Signs in as a demo account and opens a back-office page once its circuit is live.</summary>
    public static async Task<IPage> OpenAs(BrowserApp app, string userName, string path)
    {
        var page = await app.NewPage();
        page.SetDefaultTimeout(Timeout);
        await BrowserApp.SignIn(page, userName);
        await page.GotoAsync(path);
        await BrowserApp.WaitInteractive(page);
        return page;
    }

    /// <summary>The open dropdown or autocomplete list (MudBlazor renders it in a popover at the end of the page).</summary>
    public static ILocator OpenList(IPage page) => page.Locator(".mud-popover-open .mud-list");

    /// <summary>Types into an organization picker (a MudAutocomplete) and chooses the option with exactly that name.</summary>
    public static async Task PickOrganization(IPage page, string testId, string name)
    {
        var input = page.Locator($"input[data-testid={testId}]");
        await input.ClickAsync();
        await input.FillAsync("");
        await input.PressSequentiallyAsync(name, new LocatorPressSequentiallyOptions { Delay = 30 });
        var option = OpenList(page).Locator(".mud-list-item").Filter(new LocatorFilterOptions { Has = page.GetByText(name, new PageGetByTextOptions { Exact = true }) });
        await option.First.ClickAsync();
        await OpenList(page).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    /// <summary>Opens a MudSelect and chooses the item with that text.</summary>
    public static async Task Choose(IPage page, string testId, string text)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await OpenList(page).GetByText(text, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await OpenList(page).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    /// <summary>The row of the organization tree that shows this name.</summary>
    public static ILocator TreeItem(IPage page, string name) =>
        page.Locator("[data-testid=org-tree] .mud-treeview-item-content")
            .Filter(new LocatorFilterOptions { Has = page.Locator(".org-node-name").GetByText(name, new LocatorGetByTextOptions { Exact = true }) });

    /// <summary>A tree node together with its loaded children.</summary>
    public static ILocator TreeBranch(IPage page, string name) =>
        page.Locator("[data-testid=org-tree] .mud-treeview-item").Filter(new LocatorFilterOptions
        {
            Has = page.Locator(".mud-treeview-item-content").Filter(new LocatorFilterOptions
            {
                Has = page.Locator(".org-node-name").GetByText(name, new LocatorGetByTextOptions { Exact = true }),
            }),
        }).Last;

    public static async Task ExpandTreeItem(IPage page, string name)
    {
        var item = TreeItem(page, name);
        await item.Locator("button.mud-treeview-item-expand-button").ClickAsync();
    }

    public static async Task SelectTreeItem(IPage page, string name)
    {
        await TreeItem(page, name).Locator(".org-node-name").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=org-name]")).ToHaveTextAsync(name);
    }

    /// <summary>The texts of one column of a MudTable, by its data label.</summary>
    public static async Task<IReadOnlyList<string>> Column(ILocator table, string label) =>
        (await table.Locator($"tbody td[data-label='{label}']").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];
}
