using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lianjian.IntegrationTests.Infrastructure;
using Lianjian.Web.Platform.Notifications;
using Lianjian.Web.Platform.Notifications.Jobs;
using Lianjian.Web.Platform.Notifications.Queries;
using Lianjian.Web.Platform.Notifications.UseCases;
using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lianjian.IntegrationTests.Infrastructure.NotificationHelpers;

namespace Lianjian.IntegrationTests;

/// <summary>
/// The outbox end to end: notifications and outbox rows written with the caller's change, the SendOutbox job posting
/// the robots' JSON to a real loopback receiver, retries with back-off, giving up, and two senders at once.
/// </summary>
public abstract class WebhookOutboxTests(WebhookApp app)
{
    private static NotificationMessage Message(string topic, string marker, string title = "工单已派给您") =>
        new(topic, $"{title} {marker}", $"龙泉村干斜岗弄路面修复 {marker}", "/admin/work-orders/123");

    private Task<List<OutboxMessage>> Outbox(string marker) =>
        app.Query(db => db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(marker)).OrderBy(m => m.Id));

    private Task<List<Notification>> Notifications(string marker) =>
        app.Query(db => db.Notifications.AsNoTracking().Where(n => n.Title.Contains(marker)));

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Notify_AddsANotificationPerUserAndAnOutboxRowPerMatchingRobot_WrittenByTheCallersSaveChanges()
    {
        var marker = Marker();
        var users = new[] { await app.UserIdOf("dinghai"), await app.UserIdOf("putuo"), await app.UserIdOf("dinghai") };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Notifier>().Notify(users, Message("test.both.dispatched", marker));
            Assert.Empty(await Notifications(marker));
            Assert.Empty(await Outbox(marker));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        Assert.Equal(2, (await Notifications(marker)).Count);
        var rows = await Outbox(marker);
        Assert.Equal(["ding", "wecom"], rows.Select(r => r.Endpoint).Order());
        Assert.All(rows, r =>
        {
            Assert.Null(r.SentAt);
            Assert.Equal(0, r.Attempts);
            Assert.True(r.AvailableAt <= Now);
        });
    }

    [Fact]
    public async Task Notify_InAChangeThatIsRolledBack_LeavesNothing()
    {
        var marker = Marker();
        var dinghai = await app.UserIdOf("dinghai");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<Notifier>().Notify([dinghai], Message("test.both.dispatched", marker));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await Notifications(marker));
        Assert.Empty(await Outbox(marker));
    }

    [Fact]
    public async Task SendOutbox_PostsDingTalkAndWeComJson_SignsForDingTalk_AndNeverSendsTwice()
    {
        var marker = Marker();
        await app.Notify([await app.UserIdOf("dinghai")], Message("test.both.dispatched", marker));

        await app.RunJob<SendOutboxJob>();

        var received = app.Receiver.Containing(marker);
        Assert.Equal(2, received.Count);

        var ding = Assert.Single(received, r => r.Path == "/ding");
        Assert.StartsWith("application/json", ding.ContentType);
        var query = System.Web.HttpUtility.ParseQueryString(ding.Query);
        Assert.Equal("token-ding", query["access_token"]);
        var expectedSign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookApp.DingTalkSecret),
            Encoding.UTF8.GetBytes(query["timestamp"] + "\n" + WebhookApp.DingTalkSecret)));
        Assert.Equal(expectedSign, query["sign"]);
        var dingJson = JsonDocument.Parse(ding.Body).RootElement;
        Assert.Equal("markdown", dingJson.GetProperty("msgtype").GetString());
        Assert.Equal($"工单已派给您 {marker}", dingJson.GetProperty("markdown").GetProperty("title").GetString());
        var text = dingJson.GetProperty("markdown").GetProperty("text").GetString()!;
        Assert.Contains($"龙泉村干斜岗弄路面修复 {marker}", text);
        Assert.Contains($"({WebhookApp.PublicBaseUrl}/admin/work-orders/123)", text);

        var wecom = Assert.Single(received, r => r.Path == "/wecom");
        Assert.Equal("?key=key-wecom", wecom.Query);
        var wecomJson = JsonDocument.Parse(wecom.Body).RootElement;
        Assert.Equal("markdown", wecomJson.GetProperty("msgtype").GetString());
        Assert.Contains($"工单已派给您 {marker}", wecomJson.GetProperty("markdown").GetProperty("content").GetString());

        var rows = await Outbox(marker);
        Assert.All(rows, r =>
        {
            Assert.NotNull(r.SentAt);
            Assert.Equal(1, r.Attempts);
            Assert.Null(r.LockedBy);
            Assert.Null(r.LastError);
        });

        await app.RunJob<SendOutboxJob>();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunJob<SendOutboxJob>();
        Assert.Equal(2, app.Receiver.Containing(marker).Count);
    }

    [Fact]
    public async Task AFailingReceiver_IsTriedAgainAfterABackOff_WithTheErrorKept_UntilItAccepts()
    {
        var marker = Marker();
        app.Receiver.Answer("/fail", 500, "服务器内部错误 boom");
        await app.Notify([], Message("test.fail.dispatched", marker));

        await app.RunJob<SendOutboxJob>();
        var row = Assert.Single(await Outbox(marker));
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Null(row.LockedBy);
        Assert.Contains("HTTP 500", row.LastError);
        Assert.Contains("boom", row.LastError);
        Assert.InRange(row.AvailableAt, Now.AddSeconds(50), Now.AddSeconds(61));

        // Not due yet: nothing is posted.
        await app.RunJob<SendOutboxJob>();
        Assert.Single(app.Receiver.Containing(marker));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await app.RunJob<SendOutboxJob>();
        row = Assert.Single(await Outbox(marker));
        Assert.Equal(2, app.Receiver.Containing(marker).Count);
        Assert.Equal(2, row.Attempts);
        Assert.InRange(row.AvailableAt, Now.AddMinutes(4), Now.AddMinutes(5).AddSeconds(1));

        // HTTP 200 with the robot's own refusal (DingTalk: keyword missing) is a failure too.
        app.Receiver.Answer("/fail", 200, "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}");
        app.Clock.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(1)));
        await app.RunJob<SendOutboxJob>();
        row = Assert.Single(await Outbox(marker));
        Assert.Equal(3, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Contains("310000", row.LastError);
        Assert.InRange(row.AvailableAt, Now.AddMinutes(29), Now.AddMinutes(30).AddSeconds(1));

        app.Receiver.Answer("/fail", 200);
        app.Clock.Advance(TimeSpan.FromMinutes(30).Add(TimeSpan.FromSeconds(1)));
        await app.RunJob<SendOutboxJob>();
        row = Assert.Single(await Outbox(marker));
        Assert.Equal(4, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Equal(4, app.Receiver.Containing(marker).Count);
    }

    [Fact]
    public async Task AfterEightFailedAttempts_TheMessageIsGivenUp_KeptAndShownToAdmins()
    {
        var marker = Marker();
        app.Receiver.Answer("/fail", 500, "still down");
        await app.Notify([], Message("test.fail.dispatched", marker));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Seven attempts already behind it (1 min … 24 h of back-off is too long for a test to wait through).
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Payload.Contains(marker))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxMessage.MaxAttempts - 1));
        }

        await app.RunJob<SendOutboxJob>();
        var row = Assert.Single(await Outbox(marker));
        Assert.Equal(OutboxMessage.MaxAttempts, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.True(row.HasFailed);

        app.Receiver.Answer("/fail", 200);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunJob<SendOutboxJob>();
        Assert.Single(app.Receiver.Containing(marker));
        Assert.Null(Assert.Single(await Outbox(marker)).SentAt);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var query = scope.ServiceProvider.GetRequiredService<OutboxQuery>();
            Assert.True((await query.CountsAsync()).Failed >= 1);
            var shown = Assert.Single(await query.RecentErrorsAsync(200), r => r.Id == row.Id);
            Assert.True(shown.HasFailed);
            Assert.Contains("still down", shown.LastError);
            Assert.All(query.Webhooks(), w =>
            {
                Assert.EndsWith("/***", w.MaskedUrl);
                Assert.DoesNotContain("token", w.MaskedUrl);
                Assert.DoesNotContain("key", w.MaskedUrl);
            });
        }
    }

    [Fact]
    public async Task AMessageForARobotNoLongerConfigured_FailsWithASayingError_AndIsNotPosted()
    {
        var marker = Marker();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.OutboxMessages.Add(new OutboxMessage { Endpoint = "removed-robot", Payload = $"{{\"msgtype\":\"text\",\"text\":{{\"content\":\"{marker}\"}}}}", CreatedAt = Now, AvailableAt = Now });
            await db.SaveChangesAsync();
        }

        await app.RunJob<SendOutboxJob>();

        var row = Assert.Single(await Outbox(marker));
        Assert.Equal(1, row.Attempts);
        Assert.Contains("removed-robot", row.LastError);
        Assert.Empty(app.Receiver.Containing(marker));
    }

    [Fact]
    public async Task AMessageLeasedByAnotherSender_IsLeftAlone_UntilTheLeaseRunsOut()
    {
        var marker = Marker();
        await app.Notify([], Message("test.wecom.dispatched", marker));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As if a sender on another node had claimed it and then died before recording the result.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Payload.Contains(marker))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "another-node").SetProperty(m => m.LockedUntil, Now.AddMinutes(5)));
        }

        await app.RunJob<SendOutboxJob>();
        Assert.Empty(app.Receiver.Containing(marker));
        Assert.Equal("another-node", Assert.Single(await Outbox(marker)).LockedBy);

        app.Clock.Advance(SendOutboxMessages.Lease);
        await app.RunJob<SendOutboxJob>();
        Assert.Single(app.Receiver.Containing(marker));
        var row = Assert.Single(await Outbox(marker));
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LockedBy);
    }

    [Fact]
    public async Task TwoSendersStartedAtTheSameMoment_PostEachOf50MessagesExactlyOnce()
    {
        var marker = Marker();
        app.Receiver.Answer("/race", 200, delay: TimeSpan.FromMilliseconds(10));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            for (var i = 0; i < 50; i++) notifier.Notify([], Message("test.race.dispatched", marker, $"第{i:00}号"));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        Assert.Equal(50, (await Outbox(marker)).Count);

        // Two senders as two app nodes would run them: separate scopes, separate connections, the same moment.
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var senders = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<SendOutboxMessages>()).ToList();
        using var start = new Barrier(senders.Count);
        var runs = await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await sender.ExecuteAsync();
        })));

        var received = app.Receiver.Containing(marker);
        var numbers = received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!)
            .Select(content => content.Substring(content.IndexOf('第'), 4)).ToList();
        Assert.Equal(50, numbers.Count);
        Assert.Equal(50, numbers.Distinct().Count());
        Assert.True(runs.Sum(r => r.Sent) >= 50);
        Assert.All(await Outbox(marker), row =>
        {
            Assert.NotNull(row.SentAt);
            Assert.Equal(1, row.Attempts);
        });
    }
}

[Collection(SqliteWebhookCollection.Name)]
public sealed class WebhookOutboxTests_Sqlite(SqliteWebhookApp app) : WebhookOutboxTests(app);

[Collection(PostgresWebhookCollection.Name)]
public sealed class WebhookOutboxTests_Postgres(PostgresWebhookApp app) : WebhookOutboxTests(app);
