using System.Net;
using Microsoft.Data.Sqlite;

namespace Requests.Intake.Tests;

// Receipts are committed in groups: numbers must still be unique and without gaps under load.
public sealed class Filing_many_at_once : IDisposable
{
    private const int Filings = 300;
    private readonly IntakeApp _app = new() { Settings = { ["Intake:RateLimits:SubmissionsPerMinute"] = "100000" } };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Gives_every_filing_its_own_number_in_an_unbroken_sequence_per_regime()
    {
        var receipts = await FileConcurrentlyAsync();

        Assert.Equal(Filings, receipts.Select(r => r.TrackingNumber).Distinct().Count());
        Assert.Equal(Filings, receipts.Select(r => r.CaseId).Distinct().Count());
        foreach (var prefix in new[] { "DAI-2026-", "REC-2026-" })
        {
            var numbers = receipts.Where(r => r.TrackingNumber.StartsWith(prefix, StringComparison.Ordinal))
                .Select(r => int.Parse(r.TrackingNumber[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(1, Filings / 2), numbers.Order());
        }
    }

    [Fact]
    public async Task Stores_each_case_and_its_message_once()
    {
        var receipts = await FileConcurrentlyAsync();

        var cases = await _app.QueryAsync("SELECT id, tracking_number FROM cases");
        Assert.Equal(receipts.Select(r => (r.CaseId.ToString(), r.TrackingNumber)).Order(),
            cases.Select(c => ((string)c["id"]!, (string)c["tracking_number"]!)).Order());
        Assert.Equal(receipts.Select(r => r.CaseId).Order(), (await _app.SubmittedAsync()).Select(m => m.Submitted.CaseId).Order());
        var counters = await _app.QueryAsync("SELECT key, last FROM tracking_counters ORDER BY key");
        Assert.Equal([("DAI-2026", (long)Filings / 2), ("REC-2026", (long)Filings / 2)],
            counters.Select(c => ((string)c["key"]!, (long)c["last"]!)));
    }

    [Fact]
    public async Task Has_a_unique_index_that_refuses_a_second_case_with_the_same_number()
    {
        var receipts = await FileConcurrentlyAsync();

        await using var connection = _app.OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE cases SET tracking_number = $taken WHERE tracking_number = $other";
        command.Parameters.AddWithValue("$taken", receipts[0].TrackingNumber);
        command.Parameters.AddWithValue("$other", receipts[1].TrackingNumber);
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(19, refused.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("cases.tracking_number", refused.Message, StringComparison.Ordinal);
    }

    private async Task<FiledReceipt[]> FileConcurrentlyAsync()
    {
        var client = _app.CreateClient();
        using var start = new SemaphoreSlim(0);
        var filings = Enumerable.Range(0, Filings).Select(async i =>
        {
            await start.WaitAsync();
            // half requests, half complaints, in four shapes
            var (path, form) = (i % 4) switch
            {
                0 => ("/api/requests", Forms.Request()),
                1 => ("/api/complaints", Forms.Complaint()),
                2 => ("/api/requests", Forms.UrgentRequest()),
                _ => ("/api/complaints", Forms.Complaint().With("kind", "suggestion")),
            };
            var response = await client.PostAsync(path, System.Net.Http.Json.JsonContent.Create(form));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.ReadReceiptAsync();
        }).ToArray();
        start.Release(Filings);
        return await Task.WhenAll(filings);
    }
}
