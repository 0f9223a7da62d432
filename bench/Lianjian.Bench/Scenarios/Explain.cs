using System.Text;
using Lianjian.Web.Platform.Persistence;

namespace Lianjian.Bench.Scenarios;

/// <summary><c>explain</c>: the SQL of every subtree query and the engine's plan for it.</summary>
public static class Explain
{
    public static async Task<int> RunAsync(Options options)
    {
        Console.WriteLine(await PlansAsync(options.Provider, options.Connection, options.Get("county") ?? Generation.Generator.BenchCounty));
        return 0;
    }

    public static async Task<string> PlansAsync(DatabaseProvider provider, string connection, string county)
    {
        var capture = new PlanCapture(provider) { Enabled = false };
        var queries = await DbQueries.LoadAsync(new BenchDb(provider, connection, capture), county);
        var text = new StringBuilder();
        foreach (var (name, _, run) in queries.All())
        {
            capture.Plans.Clear();
            capture.Enabled = true;
            await using (var db = queries.Db.Create()) await run(db);
            capture.Enabled = false;
            text.AppendLine($"### {name}").AppendLine();
            foreach (var (sql, plan) in capture.Plans)
            {
                text.AppendLine("```sql").AppendLine(sql.Trim()).AppendLine("```").AppendLine("```");
                foreach (var line in plan) text.AppendLine(line);
                text.AppendLine("```").AppendLine();
            }
        }

        return text.ToString();
    }
}
