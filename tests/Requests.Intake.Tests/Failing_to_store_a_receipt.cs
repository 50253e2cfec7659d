using System.Net;

namespace Requests.Intake.Tests;

// A citizen is told the filing was received only once it is on disk; otherwise nothing at all is recorded.
public sealed class Failing_to_store_a_receipt : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Answers_503_and_records_nothing_not_even_a_tracking_number()
    {
        await ExecuteAsync("ALTER TABLE cases RENAME TO cases_away");

        var response = await _app.PostJsonAsync("/api/requests", Forms.Request());

        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, await _app.CountAsync("outbox_messages"));
        Assert.Equal(0, await _app.CountAsync("tracking_counters"));
        await ExecuteAsync("ALTER TABLE cases_away RENAME TO cases");
        var next = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        Assert.Equal("DAI-2026-000001", next.TrackingNumber);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = _app.OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
