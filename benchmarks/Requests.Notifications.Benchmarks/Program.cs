using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Requests.Notifications;
using Requests.Notifications.Benchmarks;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.ServiceDefaults.Data;

// Notices queued in a fresh SQLite file and delivered to maildev by the delivery worker as a service runs it (batches
// claimed and recorded at once, several SMTP connections), next to raw sends of the same messages over one connection, and
// of some over a connection each, in the same run; each timed until maildev holds them all.
var count = Option("--messages", 10_000);
var eachOwn = Option("--per-message", 200);
var connections = Option("--connections", new DeliveryOptions().Connections);
string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"{name} is not set: run ./bench.sh, or start infra/maildev.sh and export it.");
var smtp = new SmtpSettings
{
    Host = Env("REQUESTS_SMTP_HOST"), Port = int.Parse(Env("REQUESTS_SMTP_PORT"), CultureInfo.InvariantCulture),
    FromAddress = "no-reply@requests.bench.ma",
};
using var inbox = new Inbox(new Uri(Env("REQUESTS_MAILDEV_URL")));
var folder = Directory.CreateTempSubdirectory("notifications-bench-").FullName;
var now = DateTime.UtcNow;

// a citizen's notice each (the law's: sent first, never grouped), alternately in French and Arabic
Notification Notice(int i, string run)
{
    var to = $"citizen{i}@bench.example.ma";
    var notice = new ExtensionNotice($"DAI-2026-{i:D6}", new BodyName("Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية"),
        "Les documents doivent être réunis auprès de douze directions régionales.", new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 19),
        $"https://requests.example.ma/cases/DAI-2026-{i:D6}");
    return Notification.Create($"{run}:{i}", notice, i % 2 == 0 ? Language.French : Language.Arabic, to, null, now);
}

async Task<TimeSpan> RawAsync(IReadOnlyList<Notification> notices)
{
    await inbox.ClearAsync();
    var clock = Stopwatch.StartNew();
    await using (var sender = new SmtpEmailSender(Options.Create(smtp)))
        foreach (var n in notices)
            await sender.SendAsync(new EmailMessage(n.Recipient!, n.Subject, n.Html, n.Text, n.IdempotencyKey, n.Template), CancellationToken.None);
    await inbox.WaitForAsync(notices.Count, TimeSpan.FromMinutes(10));
    return clock.Elapsed;
}

// a connection (connect, greet, send, quit) for each message, as a sender that keeps none open would do
async Task<TimeSpan> PerMessageAsync(IReadOnlyList<Notification> notices)
{
    await inbox.ClearAsync();
    var clock = Stopwatch.StartNew();
    foreach (var n in notices)
    {
        await using var sender = new SmtpEmailSender(Options.Create(smtp));
        await sender.SendAsync(new EmailMessage(n.Recipient!, n.Subject, n.Html, n.Text, n.IdempotencyKey, n.Template), CancellationToken.None);
    }
    await inbox.WaitForAsync(notices.Count, TimeSpan.FromMinutes(10));
    return clock.Elapsed;
}

async Task<(TimeSpan Elapsed, int Sent)> WorkerAsync(IReadOnlyList<Notification> notices, string file)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Smtp:Host"] = smtp.Host, ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture), ["Smtp:FromAddress"] = smtp.FromAddress,
        ["Notifications:Connections"] = connections.ToString(CultureInfo.InvariantCulture),
        ["Notifications:PollInterval"] = "00:00:00.100",
    });
    builder.Services.AddDbContext<BenchDb>(o => o.UseSqlite($"Data Source={file}").AddInterceptors(new SqlitePragmas()));
    builder.AddNotifications<BenchDb>();
    using var host = builder.Build();
    await using (var scope = host.Services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<BenchDb>();
        await db.Database.MigrateAsync();
        db.AddRange(notices);
        await db.SaveChangesAsync();
    }
    await inbox.ClearAsync();
    var clock = Stopwatch.StartNew();
    await host.StartAsync();
    await inbox.WaitForAsync(notices.Count, TimeSpan.FromMinutes(10));
    var elapsed = clock.Elapsed;
    await host.StopAsync();
    await using var check = host.Services.CreateAsyncScope();
    var sent = await check.ServiceProvider.GetRequiredService<BenchDb>().Set<Notification>()
        .CountAsync(n => n.Status == NotificationStatus.Sent && n.Attempts == 1);
    return (elapsed, sent);
}

// warm-up: JIT, connection paths, maildev
await RawAsync([.. Enumerable.Range(0, 200).Select(i => Notice(i, "warm-raw"))]);
await WorkerAsync([.. Enumerable.Range(0, 200).Select(i => Notice(i, "warm"))], Path.Combine(folder, "warm.db"));

var perMessage = await PerMessageAsync([.. Enumerable.Range(0, eachOwn).Select(i => Notice(i, "own"))]);
var raw = await RawAsync([.. Enumerable.Range(0, count).Select(i => Notice(i, "raw"))]);
var (worker, sent) = await WorkerAsync([.. Enumerable.Range(0, count).Select(i => Notice(i, "notice"))], Path.Combine(folder, "notices.db"));
var distinct = inbox.DistinctMessageIds;
await inbox.ClearAsync();
Directory.Delete(folder, recursive: true);

Console.WriteLine($"{count:N0} notices to maildev at {smtp.Host}:{smtp.Port}, timed until maildev holds them all");
Console.WriteLine($"{"phase",-52}{"s",8}{"messages/s",12}");
Console.WriteLine($"{$"a connection per message ({eachOwn:N0} messages)",-52}{perMessage.TotalSeconds,8:F2}{eachOwn / perMessage.TotalSeconds,12:N1}");
Console.WriteLine($"{"raw: MailKit over one connection",-52}{raw.TotalSeconds,8:F2}{count / raw.TotalSeconds,12:N1}");
Console.WriteLine($"{$"queued, the delivery worker ({connections} connections)",-52}{worker.TotalSeconds,8:F2}{count / worker.TotalSeconds,12:N1}");
Console.WriteLine($"worker / raw time: x{worker / raw:F2} (target: at most 2); the worker's rate against a connection per message: " +
                  $"x{count / worker.TotalSeconds / (eachOwn / perMessage.TotalSeconds):F1}; rows sent once: {sent:N0}; distinct Message-IDs in maildev: {distinct:N0}");
Console.WriteLine(count / worker.TotalSeconds >= 200 && worker / raw <= 2 ? "target met: at least 200/s and within 2x of raw" : "target missed");

int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value
    ? int.Parse(value, CultureInfo.InvariantCulture)
    : fallback;
