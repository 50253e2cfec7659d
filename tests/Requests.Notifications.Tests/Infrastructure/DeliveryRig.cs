using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.ServiceDefaults.Data;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>A database of notifications, a clock, a fake SMTP server, and delivery workers over them.</summary>
public sealed class DeliveryRig : IDisposable
{
    private readonly ServiceProvider _services;

    public DeliveryRig(ITestDatabase? database = null)
    {
        Database = database ?? new TempDatabase();
        _services = new ServiceCollection().AddDbContext<NotificationsDb>(Database.Configure)
            .AddSingleton<IEmailSender>(Sender).BuildServiceProvider();
    }

    public ITestDatabase Database { get; }
    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    public FakeSender Sender { get; } = new();
    /// <summary>One connection, so that the order of sending is the queue's; no grouping unless a test asks for it.</summary>
    public DeliveryOptions Options { get; } = new() { MaxAttempts = 4, Lease = TimeSpan.FromMinutes(5), Connections = 1, GroupLimit = 0 };

    /// <summary>A worker as a service instance runs it: its own write gate, this rig's clock and options.</summary>
    public NotificationDelivery<NotificationsDb> Worker() => new(
        _services.GetRequiredService<IServiceScopeFactory>(), new WriteGate(), Clock,
        Microsoft.Extensions.Options.Options.Create(Options), NullLogger<NotificationDelivery<NotificationsDb>>.Instance);

    /// <summary>Saves a small notification to <paramref name="to"/> whose subject is <paramref name="label"/>'s reminder.</summary>
    public async Task<long> AddAsync(string? to, string label)
    {
        await using var db = Database.Open();
        var notice = new DeadlineReminder("Youssef", label, "answer", new DateOnly(2026, 12, 30), 5, "https://x.example.ma");
        var notification = Notification.Create($"{label}:{to}", notice, Language.French, to, null, Clock.GetUtcNow().UtcDateTime);
        db.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    /// <summary>Saves <paramref name="notice"/> to <paramref name="to"/> in <paramref name="language"/>, created now.</summary>
    public async Task<long> AddAsync(string to, IEmailTemplate notice, string key, Language language = Language.French)
    {
        await using var db = Database.Open();
        var notification = Notification.Create(key, notice, language, to, null, Clock.GetUtcNow().UtcDateTime);
        db.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }

    public async Task<Notification> ReadAsync(long id)
    {
        await using var db = Database.Open();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    /// <summary>The reminder subject of <paramref name="label"/>, as <see cref="AddAsync(string?, string)"/> writes it.</summary>
    public static string Subject(string label) =>
        new DeadlineReminder("Youssef", label, "answer", new DateOnly(2026, 12, 30), 5, "https://x.example.ma").Render(Language.French).Subject;

    public void Dispose()
    {
        _services.Dispose();
        Database.Dispose();
    }
}
