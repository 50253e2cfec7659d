using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Requests.Notifications.Delivery;
using Requests.Testing;

namespace Requests.Notifications.Tests.Infrastructure;

/// <summary>A host as a service builds it, with <c>AddNotifications</c>: the real SMTP sender and the delivery worker.</summary>
public static class NotificationHost
{
    public const string From = "no-reply@requests.test.ma";

    public static Task<IHost> StartAsync(TempDatabase database, Maildev maildev, Dictionary<string, string?>? settings = null) =>
        StartAsync(database, maildev.SmtpHost, maildev.SmtpPort, settings);

    public static async Task<IHost> StartAsync(TempDatabase database, string smtpHost, int smtpPort,
        Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtpHost,
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:FromAddress"] = From,
            ["Smtp:FromDisplayName"] = "Accès à l'information · الحصول على المعلومات",
            ["Smtp:Timeout"] = "00:00:05",
            ["Notifications:PollInterval"] = "00:00:00.100",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDbContext<NotificationsDb>(database.Configure);
        builder.AddNotifications<NotificationsDb>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Waits until the notifications table satisfies <paramref name="done"/>.</summary>
    public static async Task WaitUntilAsync(TempDatabase database, Func<IQueryable<Notification>, Task<bool>> done,
        string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await using (var db = database.Open())
            {
                if (await done(db.Notifications.AsNoTracking()))
                    return;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }
}
