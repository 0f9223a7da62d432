using System.Diagnostics;
using System.Text;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// The SQL that keeps the maintained work-order tables (<see cref="WorkOrderCount"/>, <see cref="WorkOrderDailyStat"/>):
/// the per-SaveChanges upserts, the shift when an organization moves, and the rebuild from the orders. The same text runs
/// on SQLite (≥ 3.24: upsert; ≥ 3.8.3: recursive CTE) and PostgreSQL.
/// </summary>
public static class WorkOrderRollups
{
    private const string Columns = "\"Received\", \"Rejected\", \"Withdrawn\", \"Responded\", \"Resolved\", \"ResolvedOnTime\", \"Rated\", \"Satisfied\", \"ResponseSeconds\"";

    private static readonly string[] Figures = ["Received", "Rejected", "Withdrawn", "Responded", "Resolved", "ResolvedOnTime", "Rated", "Satisfied", "ResponseSeconds"];

    private static readonly string AddExcluded = string.Join(", ", Figures.Select(f => $"\"{f}\" = \"WorkOrderDailyStats\".\"{f}\" + excluded.\"{f}\""));

    /// <summary>
    /// Appends to <paramref name="sql"/> one statement that adds each place's figures to the place's rows AND its
    /// ancestors' (found in SQL along <c>ParentId</c>: no round trip to read paths), rows in key order (so two
    /// transactions lock shared rows in the same order).
    /// </summary>
    public static void AppendDailyStatsUpsert(StringBuilder sql, List<object> args, IEnumerable<KeyValuePair<(Guid Place, DateOnly Day, Guid Category), WorkOrderContribution>> deltas)
    {
        sql.Append("WITH RECURSIVE d(\"Place\", \"Day\", \"CategoryId\", ").Append(Columns).Append(") AS (VALUES ");
        var first = true;
        foreach (var ((place, day, category), c) in deltas)
        {
            if (!first) sql.Append(", ");
            first = false;
            sql.Append('(');
            object[] row = [place, day, category, c.Received, c.Rejected, c.Withdrawn, c.Responded, c.Resolved, c.ResolvedOnTime, c.Rated, c.Satisfied, c.ResponseSeconds];
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) sql.Append(", ");
                sql.Append('{').Append(args.Count).Append('}');
                args.Add(row[i]);
            }

            sql.Append(')');
        }

        sql.Append("""
            ),
            anc("Place", "Id", "ParentId") AS (
                SELECT o."Id", o."Id", o."ParentId" FROM "Organizations" o WHERE o."Id" IN (SELECT "Place" FROM d)
                UNION ALL
                SELECT anc."Place", o."Id", o."ParentId" FROM anc JOIN "Organizations" o ON o."Id" = anc."ParentId")
            INSERT INTO "WorkOrderDailyStats" ("OrganizationId", "Day", "CategoryId", 
            """).Append(Columns).Append(")\nSELECT anc.\"Id\", d.\"Day\", d.\"CategoryId\", ")
            .Append(string.Join(", ", Figures.Select(f => $"SUM(d.\"{f}\")")))
            .Append("""

            FROM d JOIN anc ON anc."Place" = d."Place"
            WHERE true
            GROUP BY anc."Id", d."Day", d."CategoryId"
            ORDER BY anc."Id", d."Day", d."CategoryId"
            ON CONFLICT ("OrganizationId", "Day", "CategoryId") DO UPDATE SET 
            """).Append(AddExcluded).Append(";\n");
    }

    /// <summary>Appends one multi-row upsert of status-count changes (keys in order).</summary>
    public static void AppendCountsUpsert(StringBuilder sql, List<object> args, IEnumerable<KeyValuePair<(Guid Place, WorkOrderStatus Status), int>> deltas)
    {
        sql.Append("INSERT INTO \"WorkOrderCounts\" (\"PlaceOrganizationId\", \"Status\", \"Count\") VALUES ");
        var first = true;
        foreach (var ((place, status), n) in deltas)
        {
            if (!first) sql.Append(", ");
            first = false;
            sql.Append($"({{{args.Count}}}, {{{args.Count + 1}}}, {{{args.Count + 2}}})");
            args.Add(place);
            args.Add(status.ToString());
            args.Add(n);
        }

        sql.Append("\nON CONFLICT (\"PlaceOrganizationId\", \"Status\") DO UPDATE SET \"Count\" = \"WorkOrderCounts\".\"Count\" + excluded.\"Count\";\n");
    }

    /// <summary>
    /// An organization moved from <paramref name="oldPath"/> to <paramref name="newPath"/>: its own rows are its whole
    /// subtree's figures, so they leave each old strict ancestor and join each new one (ancestors on both paths keep
    /// them). One statement; run it inside the move's transaction.
    /// </summary>
    public static async Task ShiftAsync(AppDbContext db, Guid moved, string oldPath, string newPath, CancellationToken ct)
    {
        var before = Ancestors(oldPath, moved);
        var after = Ancestors(newPath, moved);
        var changes = before.Except(after).Select(id => (id, -1)).Concat(after.Except(before).Select(id => (id, 1))).OrderBy(c => c.id).ToList();
        if (changes.Count == 0) return;
        var sql = new StringBuilder("WITH t(\"Id\", \"Sign\") AS (VALUES ");
        var args = new List<object>();
        foreach (var (id, sign) in changes)
        {
            if (args.Count > 0) sql.Append(", ");
            sql.Append($"({{{args.Count}}}, {{{args.Count + 1}}})");
            args.Add(id);
            args.Add(sign);
        }

        var movedArg = "{" + args.Count + "}";
        sql.Append($"""
            )
            INSERT INTO "WorkOrderDailyStats" ("OrganizationId", "Day", "CategoryId", {Columns})
            SELECT t."Id", s."Day", s."CategoryId", {string.Join(", ", Figures.Select(f => $"t.\"Sign\" * s.\"{f}\""))}
            FROM "WorkOrderDailyStats" s CROSS JOIN t
            WHERE s."OrganizationId" = {movedArg}
            ORDER BY t."Id", s."Day", s."CategoryId"
            ON CONFLICT ("OrganizationId", "Day", "CategoryId") DO UPDATE SET {AddExcluded}
            """);
        args.Add(moved);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
    }

    /// <summary>The ids on an ancestor path ("/a/b/c/"), without <paramref name="self"/>.</summary>
    public static List<Guid> Ancestors(string path, Guid self) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).Where(id => id != self)];

    /// <summary>
    /// Recomputes both maintained tables from the orders, in one transaction (the caller's, or one opened here): for the
    /// rows written without the app's SaveChanges (bench, imports) or after a fault. Prints each step.
    /// </summary>
    public static async Task RebuildAsync(AppDbContext db, Action<string> progress, CancellationToken ct = default)
    {
        var sw = Stopwatch.StartNew();
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            progress($"重建工单状态计数 (WorkOrderCounts)…");
            await db.Database.ExecuteSqlRawAsync(RebuildCountsSql, ct);
            var counts = await db.Set<WorkOrderCount>().CountAsync(ct);
            progress($"  {counts:N0} 行，{sw.Elapsed.TotalSeconds:F1} 秒");
            progress("重建每日统计汇总 (WorkOrderDailyStats)…");
            await db.Database.ExecuteSqlRawAsync(RebuildDailyStatsSql(db.Provider), ct);
            var rows = await db.Set<WorkOrderDailyStat>().CountAsync(ct);
            progress($"  {rows:N0} 行，{sw.Elapsed.TotalSeconds:F1} 秒");
            if (owned is not null) await owned.CommitAsync(ct);
            progress($"完成，共 {sw.Elapsed.TotalSeconds:F1} 秒。");
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    public const string RebuildCountsSql = """
        DELETE FROM "WorkOrderCounts";
        INSERT INTO "WorkOrderCounts" ("PlaceOrganizationId", "Status", "Count")
        SELECT "PlaceOrganizationId", "Status", COUNT(*) FROM "WorkOrders" GROUP BY "PlaceOrganizationId", "Status";
        """;

    /// <summary>
    /// <see cref="WorkOrderContribution.Of(WorkOrder)"/> in SQL, summed per place, day and category, then added up along
    /// every place's ancestors. Written in key order, so that on PostgreSQL one organization's days lie on few heap pages
    /// (a dashboard reads them by key range; bench/README.md "Statistics"). The integration tests check that it gives the rows the interceptor maintains.
    /// </summary>
    public static string RebuildDailyStatsSql(DatabaseProvider provider)
    {
        var day = provider == DatabaseProvider.Postgres
            ? "CAST((w.\"SubmittedAt\" AT TIME ZONE 'UTC') + INTERVAL '8 hours' AS date)"
            : "date(w.\"SubmittedAt\", '+8 hours')";
        static string In(params WorkOrderStatus[] statuses) => "(" + string.Join(", ", statuses.Select(s => $"'{s}'")) + ")";
        var invalid = In(WorkOrderStatus.Rejected, WorkOrderStatus.Withdrawn);
        var resolved = In(WorkOrderStatus.Resolved, WorkOrderStatus.Rated, WorkOrderStatus.Closed);
        return $"""
            DELETE FROM "WorkOrderDailyStats";
            WITH RECURSIVE p AS (
                SELECT w."PlaceOrganizationId" AS "Place", {day} AS "Day", w."CategoryId",
                    COUNT(*) AS "Received",
                    SUM(CASE WHEN w."Status" = '{WorkOrderStatus.Rejected}' THEN 1 ELSE 0 END) AS "Rejected",
                    SUM(CASE WHEN w."Status" = '{WorkOrderStatus.Withdrawn}' THEN 1 ELSE 0 END) AS "Withdrawn",
                    SUM(CASE WHEN w."Status" NOT IN {invalid} AND w."RespondedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Responded",
                    SUM(CASE WHEN w."Status" IN {resolved} THEN 1 ELSE 0 END) AS "Resolved",
                    SUM(CASE WHEN w."Status" IN {resolved} AND w."ResolvedAt" <= w."ResolutionDeadline" THEN 1 ELSE 0 END) AS "ResolvedOnTime",
                    SUM(CASE WHEN w."Status" NOT IN {invalid} AND w."Rating" IS NOT NULL THEN 1 ELSE 0 END) AS "Rated",
                    SUM(CASE WHEN w."Status" NOT IN {invalid} AND w."Rating" >= {WorkOrderKpi.SatisfiedFrom} THEN 1 ELSE 0 END) AS "Satisfied",
                    SUM(CASE WHEN w."Status" NOT IN {invalid} AND w."RespondedAt" IS NOT NULL THEN COALESCE(w."ResponseSeconds", 0) ELSE 0 END) AS "ResponseSeconds"
                FROM "WorkOrders" w
                GROUP BY w."PlaceOrganizationId", {day}, w."CategoryId"),
            anc("Place", "Id", "ParentId") AS (
                SELECT o."Id", o."Id", o."ParentId" FROM "Organizations" o WHERE o."Id" IN (SELECT "Place" FROM p)
                UNION ALL
                SELECT anc."Place", o."Id", o."ParentId" FROM anc JOIN "Organizations" o ON o."Id" = anc."ParentId")
            INSERT INTO "WorkOrderDailyStats" ("OrganizationId", "Day", "CategoryId", {Columns})
            SELECT anc."Id", p."Day", p."CategoryId", {string.Join(", ", Figures.Select(f => $"SUM(p.\"{f}\")"))}
            FROM p JOIN anc ON anc."Place" = p."Place"
            GROUP BY anc."Id", p."Day", p."CategoryId"
            ORDER BY anc."Id", p."Day", p."CategoryId";
            """;
    }

    /// <summary>The organization ids whose rows hold the figures of a data scope: the top of each covered subtree.</summary>
    public static List<Guid> ScopeRoots(IReadOnlyList<string> paths)
    {
        var distinct = paths.Distinct().ToList();
        return [.. distinct
            .Where(p => !distinct.Any(q => q != p && p.StartsWith(q, StringComparison.Ordinal)))
            .Select(p => Guid.ParseExact(p.TrimEnd('/')[(p.TrimEnd('/').LastIndexOf('/') + 1)..], "N"))];
    }
}

/// <summary>Moves the roll-ups of a moved subtree from its old ancestors to its new ones (same transaction as the move).</summary>
internal sealed class WorkOrderRollupsOnMove : Organizations.UseCases.IOrganizationMoveHandler
{
    public Task MovedAsync(AppDbContext db, Guid id, string oldPath, string newPath, CancellationToken ct) =>
        WorkOrderRollups.ShiftAsync(db, id, oldPath, newPath, ct);
}

/// <summary><c>rebuild-rollups</c>: recomputes WorkOrderCounts and WorkOrderDailyStats from the orders.</summary>
internal sealed class RebuildRollupsCommand : Platform.Cli.ICliCommand
{
    public string Name => "rebuild-rollups";

    public string Usage => "rebuild-rollups   从工单表重建状态计数与每日统计汇总（一个事务）";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await WorkOrderRollups.RebuildAsync(db, Console.WriteLine);
        return 0;
    }
}
