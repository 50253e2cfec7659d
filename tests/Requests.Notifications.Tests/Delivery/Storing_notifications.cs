using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Tests.Infrastructure;
using Requests.Testing;

namespace Requests.Notifications.Tests.Delivery;

public sealed class Storing_notifications : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid CaseId = Guid.Parse("6f1c1d2e-0a4b-4c3d-9e8f-7a6b5c4d3e2f");
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ReceiptNotice Receipt(string number = "DAI-2026-000123") => new(number, "7KQ2M-X9RTP", "information", "request",
        new BodyName("MEF", "MEF"), "Budget", new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 2), false, "https://x.example.ma");

    [Fact]
    public async Task The_migration_builds_the_table_the_model_describes()
    {
        string script;
        using (var db = _database.Open())
            script = db.Database.GenerateCreateScript();
        await using var migrated = SqliteQueries.Open(_database.File);

        var expected = await SqliteSchema.OfScriptAsync(script, Path.Combine(_database.Folder, "model.db"));

        Assert.Contains("table notifications", expected);
        Assert.Contains("index notifications.ix_notifications_idempotency_key (idempotency_key) unique=1 origin=c", expected);
        Assert.Equal(expected, await SqliteSchema.ReadAsync(migrated));
    }

    [Fact]
    public void A_key_names_the_case_the_event_the_template_and_the_recipient()
    {
        Assert.Equal("6f1c1d2e-0a4b-4c3d-9e8f-7a6b5c4d3e2f:7:receipt:amina@example.ma",
            NotificationKey.For(CaseId, 7, "receipt", " Amina@Example.MA"));
        Assert.Equal("6f1c1d2e-0a4b-4c3d-9e8f-7a6b5c4d3e2f:7:receipt:postal", NotificationKey.For(CaseId, 7, "receipt", null));
        Assert.Equal("digest:MEF-O1:2026-11-23:daily-digest:postal", NotificationKey.For("digest:MEF-O1:2026-11-23", "daily-digest", "not an address"));
    }

    [Fact]
    public async Task Adding_the_same_notification_twice_in_one_transaction_adds_it_once()
    {
        var key = NotificationKey.For(CaseId, 1, ReceiptNotice.Template, "amina@example.ma");
        await using (var db = _database.Open())
        {
            Assert.True(await db.TryAddNotificationAsync(key, Receipt(), Language.French, "amina@example.ma", CaseId, Now));
            Assert.False(await db.TryAddNotificationAsync(key, Receipt(), Language.French, "amina@example.ma", CaseId, Now));
            await db.SaveChangesAsync();
        }

        await using var check = _database.Open();
        var saved = Assert.Single(await check.Notifications.ToListAsync());
        Assert.Equal(key, saved.IdempotencyKey);
        Assert.Equal(CaseId, saved.CaseId);
        Assert.Equal(NotificationStatus.Pending, saved.Status);
    }

    [Fact]
    public async Task Handling_the_same_event_again_later_adds_nothing()
    {
        var key = NotificationKey.For(CaseId, 1, ReceiptNotice.Template, "amina@example.ma");
        await using (var db = _database.Open())
        {
            await db.TryAddNotificationAsync(key, Receipt(), Language.French, "amina@example.ma", CaseId, Now);
            await db.SaveChangesAsync();
        }

        await using (var again = _database.Open())
        {
            Assert.False(await again.TryAddNotificationAsync(key, Receipt("changed"), Language.Arabic, "amina@example.ma", CaseId, Now));
            await again.SaveChangesAsync();
        }

        await using var check = _database.Open();
        Assert.Equal("fr", Assert.Single(await check.Notifications.ToListAsync()).Language);
    }

    [Fact]
    public async Task Two_transactions_racing_with_one_key_save_it_once()
    {
        var key = NotificationKey.For(CaseId, 1, ReceiptNotice.Template, "amina@example.ma");
        await using var first = _database.Open();
        await using var second = _database.Open();
        Assert.True(await first.TryAddNotificationAsync(key, Receipt(), Language.French, "amina@example.ma", CaseId, Now));
        Assert.True(await second.TryAddNotificationAsync(key, Receipt(), Language.French, "amina@example.ma", CaseId, Now));

        await first.SaveChangesAsync();

        // the unique key refuses the loser's whole transaction; its retry finds the notification and adds nothing
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var retry = _database.Open();
        Assert.False(await retry.TryAddNotificationAsync(key, Receipt(), Language.French, "amina@example.ma", CaseId, Now));
        Assert.Equal(1, await retry.Notifications.CountAsync());
    }
}
