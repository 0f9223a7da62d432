using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.WorkOrders;

/// <summary>
/// Computes <see cref="WorkOrder.SearchTerms"/> for the orders written before the column existed (migration
/// WorkOrderDueAtAndSearch): the terms are C# (<see cref="TextTerms"/>), so SQL cannot fill them. Runs after the
/// migrations on every start; finds the pending orders through the partial index IX_WorkOrders_SearchTermsPending, so
/// once they are done it costs one empty index lookup. On SQLite the FTS5 update trigger indexes each filled row.
/// </summary>
internal sealed class WorkOrderSearchBackfill(ILogger<WorkOrderSearchBackfill> log) : IReferenceDataSeeder
{
    private const int Batch = 5_000;

    public int Order => 11;

    public async Task SeedAsync(AppDbContext db, CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var rows = await db.WorkOrders.AsNoTracking().Where(o => o.SearchTerms == null).OrderBy(o => o.Id).Take(Batch)
                .Select(o => new { o.Id, o.Description, o.Address }).ToListAsync(ct);
            if (rows.Count == 0) break;
            var ids = rows.Select(r => r.Id).ToArray();
            var terms = rows.Select(r => TextTerms.Of(r.Description, r.Address)).ToArray();
            await WriteAsync(db, ids, terms, ct);
            done += rows.Count;
            if (done % 100_000 < Batch) log.LogInformation("工单检索词回填：已处理 {Count} 条", done);
        }

        if (done > 0) log.LogInformation("工单检索词回填完成：{Count} 条", done);
    }

    private static async Task WriteAsync(AppDbContext db, long[] ids, string[] terms, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "WorkOrders" AS w SET "SearchTerms" = v.terms FROM unnest({ids}, {terms}) AS v(id, terms) WHERE w."Id" = v.id
                """, ct);
            return;
        }

        // SQLite: one prepared UPDATE per row in one transaction.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """UPDATE "WorkOrders" SET "SearchTerms" = $terms WHERE "Id" = $id""";
            var termsParameter = command.CreateParameter();
            termsParameter.ParameterName = "$terms";
            var idParameter = command.CreateParameter();
            idParameter.ParameterName = "$id";
            command.Parameters.Add(termsParameter);
            command.Parameters.Add(idParameter);
            for (var i = 0; i < ids.Length; i++)
            {
                termsParameter.Value = terms[i];
                idParameter.Value = ids[i];
                await command.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
