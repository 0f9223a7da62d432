using Lianjian.Web.Modules.WorkOrders;

namespace Lianjian.UnitTests.Modules.WorkOrders;

/// <summary>docs/work-order-lifecycle.md prints the transition table; this test keeps the page and the code the same.</summary>
public sealed class LifecycleDocumentTests
{
    [Fact]
    public void The_documented_table_is_the_code_table()
    {
        var documented = ReadTable().ToHashSet();
        var code = WorkOrderTransitions.All
            .Select(t => (t.From, t.Action, t.To, Who: string.Join(",", Enum.GetValues<WorkOrderActor>().Where(a => a != WorkOrderActor.None && t.Actors.HasFlag(a)).Select(a => a.ToString()).Order())))
            .ToHashSet();
        Assert.Equal(code.Count, documented.Count);
        Assert.Empty(code.Except(documented));
        Assert.Empty(documented.Except(code));
    }

    [Fact]
    public void The_documented_labels_are_the_code_labels()
    {
        var text = File.ReadAllText(DocPath());
        foreach (var status in Enum.GetValues<WorkOrderStatus>()) Assert.Contains($"{status} {status.Label()}", text);
        foreach (var action in Enum.GetValues<WorkOrderAction>().Where(a => a != WorkOrderAction.Submit)) Assert.Contains($"{action} {action.Label()}", text);
    }

    private static IEnumerable<(WorkOrderStatus From, WorkOrderAction Action, WorkOrderStatus To, string Who)> ReadTable()
    {
        var lines = File.ReadAllLines(DocPath());
        var start = Array.FindIndex(lines, l => l.StartsWith("| from | action | to | who may |", StringComparison.Ordinal));
        Assert.True(start >= 0, "the transition table's header is missing from docs/work-order-lifecycle.md");
        foreach (var line in lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            static string Code(string cell) => cell.Split(' ')[0];
            var who = string.Join(",", cells[3].Split(',').Select(w => Code(w.Trim())).Order());
            yield return (Enum.Parse<WorkOrderStatus>(Code(cells[0])), Enum.Parse<WorkOrderAction>(Code(cells[1])), Enum.Parse<WorkOrderStatus>(Code(cells[2])), who);
        }
    }

    private static string DocPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "work-order-lifecycle.md");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("docs/work-order-lifecycle.md not found above the test's folder");
    }
}
