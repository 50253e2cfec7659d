using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Requests.Notifications.Benchmarks;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Staff;

// A burst of e-mails delivered to maildev through the project's MailKit sender: one connection per batch of the
// delivery worker (as it sends), next to one connection per message; each phase timed until maildev holds them all
// ("accepted": until the server had answered the last one).
var messages = args.Length > 1 && args[0] == "--messages" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var batchSize = new DeliveryOptions().BatchSize;
string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException($"{name} is not set: run ./bench.sh, or start infra/maildev.sh and export it.");
var settings = Options.Create(new SmtpSettings
{
    Host = Env("REQUESTS_SMTP_HOST"),
    Port = int.Parse(Env("REQUESTS_SMTP_PORT"), CultureInfo.InvariantCulture),
    FromAddress = "no-reply@requests.bench.ma",
});
using var inbox = new Inbox(new Uri(Env("REQUESTS_MAILDEV_URL")));

// the receipt-sized reminders the worker sends, alternately in French and Arabic
var burst = Enumerable.Range(0, messages).Select(i =>
{
    var to = $"officer{i % 50}@bench.example.ma";
    var email = new DeadlineReminder(to, $"DAI-2026-{i:D6}", "answer", new DateOnly(2026, 12, 30), 5, "https://requests.example.ma/staff")
        .Render(i % 2 == 0 ? Language.French : Language.Arabic);
    return new EmailMessage(to, email.Subject, email.Html, email.Text, $"bench:{i}", DeadlineReminder.Template);
}).ToArray();

async Task<(TimeSpan Elapsed, TimeSpan Sent, int Connections)> RunAsync(int perConnection, EmailMessage[] mails)
{
    await inbox.ClearAsync();
    var clock = Stopwatch.StartNew();
    var connections = 0;
    foreach (var chunk in mails.Chunk(perConnection))
    {
        await using var sender = new SmtpEmailSender(settings);
        connections++;
        foreach (var mail in chunk)
            await sender.SendAsync(mail, CancellationToken.None);
    }
    var sent = clock.Elapsed;
    await inbox.WaitForAsync(mails.Length, TimeSpan.FromMinutes(5));
    return (clock.Elapsed, sent, connections);
}

await RunAsync(batchSize, burst[..Math.Min(100, messages)]);   // warm-up: JIT, TLS-free connection paths, maildev
var batched = await RunAsync(batchSize, burst);
var single = await RunAsync(1, burst);
await inbox.ClearAsync();

Console.WriteLine($"{messages:N0} e-mails to maildev at {settings.Value.Host}:{settings.Value.Port}, timed until maildev holds them all");
Console.WriteLine($"{"phase",-34}{"connections",12}{"accepted s",12}{"total s",10}{"messages/s",12}");
foreach (var (name, (elapsed, sent, connections)) in new[] { ($"one connection per batch of {batchSize}", batched), ("one connection per message", single) })
    Console.WriteLine($"{name,-34}{connections,12:N0}{sent.TotalSeconds,12:F2}{elapsed.TotalSeconds,10:F2}{messages / elapsed.TotalSeconds,12:N1}");
Console.WriteLine($"ratio (per batch / per message, messages/s): x{single.Elapsed / batched.Elapsed:F2}");
