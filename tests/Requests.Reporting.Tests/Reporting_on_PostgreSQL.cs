using System.Net;
using Npgsql;

namespace Requests.Reporting.Tests;

/// <summary>
/// The same service on PostgreSQL (for when one machine is outgrown): the migration, the import's upserts, the
/// consumers' writes and the year's scan run there too and give the same figures. Needs the PostgreSQL that
/// <c>./test.sh</c> starts.
/// </summary>
public sealed class Reporting_on_PostgreSQL : IAsyncLifetime, IDisposable
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"reporting_test_{Guid.NewGuid():N}";
    private readonly ReportingApp _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Database:Provider"] = "postgres";
        _app.Settings["ConnectionStrings:Database"] = $"{Server};Database={_database}";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Imports_builds_facts_and_reports_the_same_figures()
    {
        await _app.ImportOkAsync(HistoricalFile.Year2025);
        var again = await _app.ImportOkAsync(HistoricalFile.Year2025);
        var bad = await _app.ImportAsync(HistoricalFile.Of($"Z1,information,request,{HistoricalFile.Mef},fax,,false,2025-01-06,,,,,false"));
        var events = new LifecycleEvents();
        await _app.DeliverAsync(events.Submitted(new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 27)));
        await _app.DeliverAsync(events.Moved("answer", "answered", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 27), "granted"));

        var national = (await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2026-03-01")).GetProperty("national");

        Assert.Equal(0, again.GetProperty("added").GetInt64());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        // the nine cases of the file (see Computing_the_national_synthesis_by_hand) and one more answered in 10 days
        Assert.Equal(10, national.GetProperty("received").GetInt64());
        Assert.Equal(8, national.GetProperty("answered").GetInt64());
        Assert.Equal(80.0m, national.GetProperty("responseRate").GetDecimal());
        // 7 7 10 10 21 45 60 63: the mean of the 4th and 5th, and 223 / 8
        Assert.Equal(15.5m, national.GetProperty("calendarDays").GetProperty("median").GetDecimal());
        Assert.Equal(27.9m, national.GetProperty("calendarDays").GetProperty("average").GetDecimal());
    }

    [Fact]
    public async Task Catches_up_on_events_and_imports_with_the_figures_of_a_cold_read()
    {
        await _app.ImportOkAsync(HistoricalFile.Year2025);
        await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2026-03-01");
        var counts = _app.CacheCounts;
        var c = new LifecycleEvents();
        var moved = new LifecycleEvents();

        await _app.DeliverAsync(c.Submitted(new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 27)));
        await _app.DeliverAsync(c.Moved("answer", "answered", new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 27), "granted"));
        await _app.DeliverAsync(moved.Submitted(new DateOnly(2025, 10, 1), new DateOnly(2025, 11, 12)));
        var afterEvents = await _app.ReportsBothWaysAsync(2025, "2026-03-01", "MEF");
        await _app.DeliverAsync(moved.Submitted(new DateOnly(2024, 12, 30), new DateOnly(2025, 2, 10))); // into 2024
        var afterMove = await _app.ReportsBothWaysAsync(2025, "2026-03-01", "MEF");
        await _app.ImportOkAsync(HistoricalFile.Of(
            $"C6,information,request,{HistoricalFile.Mef},portal,,false,2025-12-01,2026-01-12,2026-01-05,granted,,false",
            $"C8,complaint,suggestion,{HistoricalFile.Fes},portal,,false,2024-12-20,2025-03-31,,,,false"));
        var afterImport = await _app.ReportsBothWaysAsync(2025, "2026-03-01", "MEF");

        Assert.Equal(afterEvents.Cold, afterEvents.Served);
        Assert.Equal(afterMove.Cold, afterMove.Served);
        Assert.Equal(afterImport.Cold, afterImport.Served);
        Assert.NotEqual(afterEvents.Served, afterMove.Served);
        Assert.NotEqual(afterMove.Served, afterImport.Served);
        Assert.Equal(counts.Reads, _app.CacheCounts.Reads);
        Assert.True(_app.CacheCounts.Patches >= counts.Patches + 3);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => _app.Dispose();
}
