using MassTransit;
using Microsoft.EntityFrameworkCore;
using Requests.Contracts.Intake;
using Requests.ServiceDefaults.Data;
using Requests.ServiceDefaults.Messaging;

namespace Requests.EndToEnd.Tests.Infrastructure;

/// <summary>A case a downstream service handled: the effect that must happen once per message.</summary>
public sealed class HandledSubmission
{
    public Guid CaseId { get; set; }
    public required string TrackingNumber { get; set; }
}

public sealed class RecorderDb(DbContextOptions<RecorderDb> options) : DbContext(options)
{
    public DbSet<HandledSubmission> Handled => Set<HandledSubmission>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseTextGuids();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandledSubmission>().HasKey(h => h.CaseId);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.UseSnakeCaseNames();
    }
}

/// <summary>
/// A downstream consumer on its own durable queue, as routing will be: it records each submission it handles in
/// its own SQLite database, with the message id in its inbox, so a redelivered message changes nothing.
/// </summary>
public sealed class SubmissionRecorder : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly DbContextOptions<RecorderDb> _options;
    private int _deliveries;

    /// <summary>The filings delivered, counting each delivery of a message (a redelivery counts again).</summary>
    public int Deliveries => Volatile.Read(ref _deliveries);

    private SubmissionRecorder(IBusControl bus, DbContextOptions<RecorderDb> options)
    {
        _bus = bus;
        _options = options;
    }

    public static async Task<SubmissionRecorder> StartAsync(Broker broker, string databaseFile)
    {
        var options = new DbContextOptionsBuilder<RecorderDb>()
            .UseSqlite($"Data Source={databaseFile}").AddInterceptors(new SqlitePragmas()).Options;
        await using (var db = new RecorderDb(options))
            await db.Database.EnsureCreatedAsync();
        SubmissionRecorder? recorder = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(Broker.Host, Broker.Port, broker.VirtualHost, h => { h.Username("guest"); h.Password("guest"); });
            cfg.UseMessageRetry(r => r.Intervals(50, 200, 500, 1000));
            cfg.ReceiveEndpoint("e2e-record-submission", e =>
            {
                e.PrefetchCount = 32;
                e.ConcurrentMessageLimit = 4;
                e.Handler<SubmissionsStored>(context => recorder!.HandleAsync(context));
            });
        });
        recorder = new SubmissionRecorder(bus, options);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return recorder;
    }

    private async Task HandleAsync(ConsumeContext<SubmissionsStored> context)
    {
        Interlocked.Add(ref _deliveries, context.Message.Submissions.Count);
        await using var db = new RecorderDb(_options);
        var id = context.MessageId!.Value;
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == id && m.Consumer == "e2e-record-submission"))
            return;
        db.Add(new InboxMessage { MessageId = id, Consumer = "e2e-record-submission", HandledAt = DateTime.UtcNow });
        db.Handled.AddRange(context.Message.Submissions.Select(s => new HandledSubmission { CaseId = s.CaseId, TrackingNumber = s.TrackingNumber }));
        await db.SaveChangesAsync();
    }

    public async Task<List<HandledSubmission>> HandledAsync()
    {
        await using var db = new RecorderDb(_options);
        return await db.Handled.AsNoTracking().ToListAsync();
    }

    /// <summary>Waits until <paramref name="count"/> cases are handled, then a little longer to catch any extra.</summary>
    public async Task<List<HandledSubmission>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && (await HandledAsync()).Count < count)
            await Task.Delay(250);
        await Task.Delay(1000);
        return await HandledAsync();
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
