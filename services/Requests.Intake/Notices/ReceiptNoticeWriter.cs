using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Diagnostics;
using Requests.Intake.Storage;
using Requests.Intake.Submissions;
using Requests.Notifications.Delivery;
using Requests.ServiceDefaults.Data;

namespace Requests.Intake.Notices;

/// <summary>
/// Turns the receipts the receipt writer recorded (one small <c>receipt_notices</c> row per filing, in the filing's own
/// transaction) into notifications: rendered here, off the filing's path, then inserted and the rows deleted in one
/// transaction. The notification's unique key makes a second pass over the same row (after a crash, or on a second
/// instance) add nothing, so a receipt is never lost and never written twice.
/// <para>
/// Filings come first: while they arrive faster than <see cref="IntakeNoticeOptions.ReceiptsDeferAbove"/> a second (a
/// flood, far above any real day), it writes a short chunk every 100 ms, 500 e-mails a second at most, so the flood keeps the CPU
/// for the filings and the e-mails catch up after it (they are durable meanwhile: the rows are on disk). Writing them in
/// short chunks, not a large batch at once, keeps any filing from waiting long behind them.
/// </para>
/// </summary>
public sealed class ReceiptNoticeWriter(IServiceScopeFactory scopes, ReceiptNotices receipts, ReceiptWriter filings,
    WriteGate writes, IOptions<IntakeNoticeOptions> options, ILogger<ReceiptNoticeWriter> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private const int WriteChunk = 50;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deferAbove = options.Value.ReceiptsDeferAbove;
        var (stored, since) = (filings.Stored, Stopwatch.GetTimestamp());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (now, storedNow) = (Stopwatch.GetTimestamp(), filings.Stored);
                var pace = (storedNow - stored) / Math.Max(Stopwatch.GetElapsedTime(since, now).TotalSeconds, 0.001);
                (stored, since) = (storedNow, now);
                if (pace > deferAbove)
                {
                    await WriteDueAsync(WriteChunk, stoppingToken);
                    await Task.Delay(Poll, stoppingToken);
                }
                else if (await WriteDueAsync(BatchSize, stoppingToken) < BatchSize)
                {
                    await Task.Delay(Poll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not write the receipts' notices; retrying");
                await Task.Delay(AfterFailure, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Renders and stores up to <paramref name="limit"/> recorded receipts, oldest first; returns how many it handled.</summary>
    public async Task<int> WriteDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // read and render outside the write gate: the filings' group commit waits for nothing of this
            var notices = new List<(Notification Notice, string? Placeholder, string? SealedCode)>(limit);
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"""
                    SELECT r.case_id, r.sealed_code, c.tracking_number, c.regime, c.kind, c.body_code, c.subject, c.received_on,
                           c.due_on, c.urgent, c.language, c.requester_email, c.received_at
                    FROM receipt_notices r JOIN cases c ON c.id = r.case_id
                    ORDER BY r.created_at
                    LIMIT {limit}
                    """;
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var sealedCode = reader.IsDBNull(1) ? null : reader.GetString(1);
                    var placeholder = sealedCode is null ? null : ReceiptNotices.NewPlaceholder();
                    notices.Add((receipts.Render(new ReceiptFacts(Guid.Parse(reader.GetString(0)),
                        sealedCode, reader.GetString(2), reader.GetString(3), reader.GetString(4),
                        reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateOnly>(7), reader.GetFieldValue<DateOnly>(8),
                        reader.GetBoolean(9), reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                        DateTime.SpecifyKind(reader.GetDateTime(12), DateTimeKind.Utc)), placeholder), placeholder, sealedCode));
                }
            }
            if (notices.Count == 0)
                return 0;

            // written in short transactions: the write gate is never held long away from the filings' group commit
            foreach (var chunk in notices.Chunk(WriteChunk))
            {
                await writes.EnterAsync(cancellationToken);
                try
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    // a receipt already stored (a second pass) is left as it is
                    await using var insert = NotificationStore.InsertCommand(connection, transaction);
                    await using var delete = Commands.Prepare(connection, "DELETE FROM receipt_notices WHERE case_id = @p0", 1, transaction);
                    // the sealed code waits beside the e-mail until it is sent; a second pass keeps the first's
                    await using var code = Commands.Prepare(connection,
                        "INSERT INTO receipt_codes (case_id, placeholder, sealed_code, created_at) VALUES (@p0, @p1, @p2, @p3) " +
                        "ON CONFLICT (case_id) DO NOTHING", 4, transaction);
                    foreach (var (notice, placeholder, sealedCode) in chunk)
                    {
                        await NotificationStore.InsertAsync(insert, notice, cancellationToken);
                        if (placeholder is not null)
                        {
                            Commands.Bind(code, notice.CaseId!.Value.ToString(), placeholder, sealedCode, notice.CreatedAt);
                            await code.ExecuteNonQueryAsync(cancellationToken);
                        }
                        Commands.Bind(delete, notice.CaseId!.Value.ToString());
                        await delete.ExecuteNonQueryAsync(cancellationToken);
                    }
                    await transaction.CommitAsync(cancellationToken);
                }
                finally
                {
                    writes.Exit();
                }
            }
            return notices.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
