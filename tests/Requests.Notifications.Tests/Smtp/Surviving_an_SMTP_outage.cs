using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Requests.Notifications.Delivery;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;
using Requests.Notifications.Tests.Infrastructure;
using Xunit.Abstractions;
using Requests.Testing;

namespace Requests.Notifications.Tests.Smtp;

[Collection(OnTheSmtpServer.Name)]
public sealed class Surviving_an_SMTP_outage(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly Maildev _maildev = new();

    public void Dispose()
    {
        _maildev.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Delivers_every_message_exactly_once_when_the_server_comes_back()
    {
        var recipients = Enumerable.Range(1, 3).Select(i => Maildev.NewRecipient($"outage{i}")).ToArray();
        // short back-off, so that the outage spans several failed attempts of each message
        using var host = await NotificationHost.StartAsync(_database, _maildev, new()
        {
            ["Notifications:Retries:0"] = "00:00:00.200",
            ["Notifications:Retries:1"] = "00:00:00.500",
            ["Notifications:Retries:2"] = "00:00:01",
            ["Notifications:GroupLimit"] = "0",
        });

        // before the outage: two messages to each recipient go through
        await AddAsync(recipients, first: 1, count: 2);
        await NotificationHost.WaitUntilAsync(_database, n => n.AllAsync(x => x.Status == NotificationStatus.Sent), "the first six are sent");

        try
        {
            await Maildev.RunScriptAsync("stop");
            Assert.False(await AcceptsConnectionsAsync(), "the SMTP server still answers: it was not started by this tree's infra/maildev.sh");

            // during the outage: three more to each recipient come due and fail, again and again
            await AddAsync(recipients, first: 3, count: 3);
            await NotificationHost.WaitUntilAsync(_database, n => n.AnyAsync(x => x.Status == NotificationStatus.Pending && x.Attempts >= 3),
                "a message has failed three times");
            await using (var db = _database.Open())
            {
                Assert.Equal(6, await db.Notifications.CountAsync(n => n.Status == NotificationStatus.Sent));
                Assert.Contains(await db.Notifications.Where(n => n.LastError != null).Select(n => n.LastError).ToListAsync(),
                    e => e!.Contains("SocketException", StringComparison.Ordinal));
            }
        }
        finally
        {
            await Maildev.RunScriptAsync("start");
        }

        await NotificationHost.WaitUntilAsync(_database, n => n.AllAsync(x => x.Status == NotificationStatus.Sent),
            "all fifteen are sent", TimeSpan.FromSeconds(60));
        await host.StopAsync();

        foreach (var recipient in recipients)
        {
            var received = await _maildev.WaitForAsync(recipient, 5);
            // each message once (maildev reloads its mail from disk with times to the second: the order is checked below)
            Assert.Equal(Enumerable.Range(1, 5).Select(i => Subject(recipient, i)), received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        }
        await using var check = _database.Open();
        var stored = await check.Notifications.OrderBy(n => n.Id).ToListAsync();
        foreach (var n in stored)
            output.WriteLine($"{n.Id} {n.Subject[..26]} attempts={n.Attempts} last error={n.LastError}");
        Assert.Equal(15, stored.Count(n => n.SentAt is not null));
        Assert.All(stored.Take(6), n => Assert.Equal(1, n.Attempts));
        Assert.Contains(stored.Skip(6), n => n.Attempts >= 3);
        // one recipient's messages were sent in the order they were written, the outage notwithstanding
        foreach (var mine in stored.GroupBy(n => n.Recipient))
            Assert.Equal(mine.Select(n => n.Id), mine.OrderBy(n => n.SentAt).ThenBy(n => n.Id).Select(n => n.Id));
    }

    private async Task AddAsync(string[] recipients, int first, int count)
    {
        await using var db = _database.Open();
        for (var i = first; i < first + count; i++)
        {
            foreach (var recipient in recipients)
            {
                await db.TryAddNotificationAsync(NotificationKey.For($"outage:{i}", DeadlineReminder.Template, recipient),
                    Reminder(recipient, i), Language.French, recipient, null, DateTime.UtcNow);
            }
        }
        await db.SaveChangesAsync();
    }

    private static DeadlineReminder Reminder(string recipient, int i) =>
        new(recipient, $"DAI-2026-{i:D6}", "answer", new DateOnly(2026, 12, 30), 5, "https://requests.example.ma/staff/cases");

    private static string Subject(string recipient, int i) => Reminder(recipient, i).Render(Language.French).Subject;

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(_maildev.SmtpHost, _maildev.SmtpPort);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
