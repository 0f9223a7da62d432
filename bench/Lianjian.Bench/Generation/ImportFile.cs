using System.Globalization;
using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Platform.Persistence;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Bench.Generation;

/// <summary>
/// <c>generate-import-file</c>: an .xlsx of new people for the import scenario (issue 2: 10,000 rows in ≤ 10 s), with
/// Chinese headers and organizations that exist in the generated database (named and coded), ID numbers that do not
/// collide with the ones already stored. The headers follow <c>PersonInput</c>; adjust <see cref="Headers"/> if the
/// import template names them differently.
/// </summary>
public static class ImportFile
{
    public static readonly string[] Headers =
        ["姓名", "人员类别", "所属组织", "手机号", "身份证号", "性别", "出生日期", "党员类别", "入党日期", "在职党员", "职务", "技能", "标签", "备注"];

    public static async Task<int> RunAsync(Options options)
    {
        var rowsWanted = options.Int("rows", 10_000);
        var output = Path.GetFullPath(options.Get("out") ?? Path.Combine("bench", "results", $"import-{rowsWanted}.xlsx"));
        var rng = new Random(options.Int("seed", 20260101) + 1);

        await using var app = BenchHost.Build(options.Provider, options.Connection);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.IsActive)
            .Select(o => new { o.Name, o.Code, o.Kind, o.GridLevel, o.Path }).ToListAsync();
        if (orgs.Count == 0) throw new OptionException("the database has no organizations: run generate first");
        var branches = orgs.Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.PartyGroup).ToList();
        var homes = orgs.Where(o => o.Kind is OrganizationKind.Village or OrganizationKind.Community || o.GridLevel >= 3).ToList();
        var taken = (await db.People.Where(p => p.IdNumber != null).Select(p => p.IdNumber!).ToListAsync()).ToHashSet();
        var region = Names.Counties.ToDictionary(c => c.Name, c => c.RegionCode);
        var countyByPath = orgs.Where(o => o.Kind == OrganizationKind.County).ToDictionary(o => o.Path, o => o.Name);

        var rows = new List<Dictionary<string, object?>>(rowsWanted);
        for (var i = 0; i < rowsWanted; i++)
        {
            var member = rng.NextDouble() < 0.55;
            var home = member ? branches[rng.Next(branches.Count)] : homes[rng.Next(homes.Count)];
            var gender = rng.Next(100) < 55 ? Gender.Male : Gender.Female;
            var birth = new DateOnly(1945 + rng.Next(60), 1 + rng.Next(12), 1 + rng.Next(28));
            var county = countyByPath.FirstOrDefault(c => home.Path.StartsWith(c.Key, StringComparison.Ordinal)).Value;
            var status = member ? (rng.NextDouble() < 0.9 ? MemberStatus.Formal : MemberStatus.Probationary) : (MemberStatus?)null;
            rows.Add(new Dictionary<string, object?>
            {
                ["姓名"] = Names.Person(rng),
                ["人员类别"] = (member ? PersonKind.PartyMember : PersonKind.Resident).Label(),
                ["所属组织"] = home.Name,
                ["手机号"] = "177" + (i * 7919L % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
                ["身份证号"] = rng.NextDouble() < 0.7 ? IdNumber(rng, county is null ? "330900" : region[county], birth, gender, taken) : null,
                ["性别"] = gender.Label(),
                ["出生日期"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["党员类别"] = status?.Label(),
                ["入党日期"] = status is null ? null : birth.AddYears(22 + rng.Next(15)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["在职党员"] = member && rng.NextDouble() < 0.2 ? "是" : "否",
                ["职务"] = null,
                ["技能"] = rng.NextDouble() < 0.4 ? string.Join("、", Enumerable.Range(0, 1 + rng.Next(2)).Select(_ => Names.Skills[rng.Next(Names.Skills.Length)]).Distinct()) : null,
                ["标签"] = rng.NextDouble() < 0.2 ? "志愿者" : null,
                ["备注"] = null,
            });
        }

        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await MiniExcel.SaveAsAsync(output, rows, sheetName: "人员", overwriteFile: true);
        Console.WriteLine($"wrote {rows.Count:N0} rows to {output} ({new FileInfo(output).Length / 1024.0:F0} KB); headers: {string.Join(", ", Headers)}");
        return 0;
    }

    private static string IdNumber(Random rng, string region, DateOnly birth, Gender gender, HashSet<string> taken)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        while (true)
        {
            var body = $"{region}{birth:yyyyMMdd}{rng.Next(500) * 2 + (gender == Gender.Male ? 1 : 0):D3}";
            var sum = 0;
            for (var i = 0; i < 17; i++) sum += (body[i] - '0') * weights[i];
            var id = body + "10X98765432"[sum % 11];
            if (taken.Add(id)) return id;
        }
    }
}
