using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Routing;
using Requests.Reporting.Storage;
using Requests.ServiceDefaults;
using Requests.ServiceDefaults.Messaging;

namespace Requests.Reporting.Benchmarks;

/// <summary>
/// The reporting service's consumers on the benchmark's database (in-memory bus, no HTTP listener): a stream of
/// lifecycle events goes through the same code as in production (inbox, write gate, one transaction per event).
/// </summary>
public sealed class LiveWrites : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _batch;

    private LiveWrites(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<LiveWrites> StartAsync(string databaseFile)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = $"Data Source={databaseFile}",
            ["RabbitMq:Transport"] = "inmemory",
            ["Reporting:WarmAtStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["urls"] = "http://127.0.0.1:0",
        });
        builder.AddServiceDefaults();
        builder.AddReportingServices();
        var app = builder.Build();
        await app.StartReportingAsync();
        await app.StartAsync();
        return new LiveWrites(app);
    }

    /// <summary>
    /// <paramref name="count"/> events, each changing one fact of <paramref name="year"/>: half new cases received in
    /// December, half answers to open imported cases (the oldest first, as officers would). Returns once all are committed.
    /// </summary>
    public async Task<int> ApplyAsync(int year, int count, CancellationToken cancellationToken)
    {
        _batch++;
        List<(string CaseId, string Body)> open;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var from = new DateOnly(year, 1, 1).DayNumber;
            open = (await db.Facts.AsNoTracking()
                    .Where(f => f.ReceivedDay >= from && f.AnsweredDay == null && f.ClosedDay == null && f.Source == "import")
                    .OrderBy(f => f.Id).Take(count - count / 2)
                    .Join(db.Bodies, f => f.BodyId, b => b.Id, (f, b) => new { f.CaseId, b.Code })
                    .ToListAsync(cancellationToken))
                .Select(x => (x.CaseId, x.Code)).ToList();
        }
        var bus = _app.Services.GetRequiredService<IBus>();
        var ids = new List<Guid>();
        var received = new DateOnly(year, 12, 1).AddDays(_batch % 28);
        for (var i = 0; i < count / 2; i++)
        {
            var m = new CaseOpened(Guid.NewGuid(), $"DAI-{year}-B{_batch}-{i}", i % 3 == 0 ? "complaint" : "information",
                i % 3 == 0 ? "complaint" : "request", $"B{i % 200:000}", "portal", i % 3 == 0 ? "water" : null,
                i % 50 == 0, At(received), received, received.AddDays(28));
            ids.Add(await PublishAsync(bus, new CasesOpened([m]), cancellationToken));
        }
        var answeredOn = new DateOnly(year + 1, 2, 2);
        foreach (var (caseId, body) in open)
        {
            var m = new CaseMoved(Guid.Parse(caseId), "", 10, "information", "request", body, "answer", "accepted", "answered",
                At(answeredOn), answeredOn, "officer", "officer", "O1", answeredOn, null, "granted", null);
            ids.Add(await PublishAsync(bus, m, cancellationToken));
        }
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            while (await db.Set<InboxMessage>().CountAsync(m => ids.Contains(m.MessageId), cancellationToken) < ids.Count)
                await Task.Delay(50, cancellationToken);
        }
        return ids.Count;
    }

    private static async Task<Guid> PublishAsync<T>(IBus bus, T message, CancellationToken cancellationToken) where T : class
    {
        var id = Guid.NewGuid();
        await bus.Publish(message, c => c.MessageId = id, cancellationToken);
        return id;
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
