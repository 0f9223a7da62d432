using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Platform.Notifications;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lianjian.IntegrationTests;

/// <summary>
/// GroupCommit's choice between the shared writer and a direct save (the loop's own tests cover what is written: the
/// submissions, the 50 concurrent claims, the failed group written again one by one).
/// </summary>
public abstract class GroupCommitTests(LianjianFactory app)
{
    private static Notification Row(Guid user, string marker) =>
        new() { Id = Guid.NewGuid(), UserId = user, Topic = "test", Title = marker, Body = marker, CreatedAt = DateTime.UtcNow };

    private async Task<int> Stored(string marker)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Notification>().CountAsync(n => n.Title == marker);
    }

    [Fact]
    public async Task New_rows_go_through_the_writer_and_leave_the_requests_unit_of_work()
    {
        var user = await app.UserIdOf("dinghai");
        var marker = Guid.NewGuid().ToString("N");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(Row(user, marker));
        db.Add(Row(user, marker));

        await scope.ServiceProvider.GetRequiredService<GroupCommit>().SaveAsync(db, CancellationToken.None);

        Assert.Empty(db.ChangeTracker.Entries()); // handed to the writer's own context
        Assert.Equal(2, await Stored(marker));
    }

    [Fact]
    public async Task Switched_off_or_inside_a_transaction_the_request_saves_its_own_rows()
    {
        var user = await app.UserIdOf("dinghai");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var off = new GroupCommit(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(), NullLogger<GroupCommit>.Instance, enabled: false);
        var first = Guid.NewGuid().ToString("N");
        db.Add(Row(user, first));
        await off.SaveAsync(db, CancellationToken.None);
        Assert.Equal(EntityState.Unchanged, Assert.Single(db.ChangeTracker.Entries()).State); // saved by this context
        Assert.Equal(1, await Stored(first));

        db.ChangeTracker.Clear();
        var second = Guid.NewGuid().ToString("N");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(Row(user, second));
            await scope.ServiceProvider.GetRequiredService<GroupCommit>().SaveAsync(db, CancellationToken.None);
            Assert.Equal(EntityState.Unchanged, Assert.Single(db.ChangeTracker.Entries()).State);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await Stored(second)); // it was the caller's transaction, and the caller rolled it back
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GroupCommitTests_Sqlite(SqliteApp app) : GroupCommitTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests_Postgres(PostgresApp app) : GroupCommitTests(app);
