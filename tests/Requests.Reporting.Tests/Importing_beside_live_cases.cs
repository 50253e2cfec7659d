using System.Diagnostics;
using System.Net;
using System.Text.Json;
using static Requests.Reporting.Tests.HistoricalFile;

namespace Requests.Reporting.Tests;

/// <summary>
/// A historical file adds historical cases: it never rewrites a case the events know, refuses a line of absurd length,
/// and, however large, lets events through while it is written.
/// </summary>
public sealed class Importing_beside_live_cases : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Refuses_a_case_known_from_the_events_and_names_its_line()
    {
        var live = new LifecycleEvents();
        await _app.DeliverAsync(live.Submitted(new(2025, 1, 6), new(2025, 2, 17)));
        var before = await _app.QueryAsync("SELECT * FROM case_facts");

        var response = await _app.ImportAsync(Of(
            $"H1,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,granted,,false",
            $"{live.CaseId},information,request,{Mef},portal,,false,2024-01-08,2024-02-19,2024-01-09,refused,national-defence,false"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt64());
        Assert.Contains(live.CaseId.ToString(), error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await _app.QueryAsync("SELECT * FROM case_facts")));
    }

    [Fact]
    public async Task Refuses_a_line_longer_than_the_maximum_and_names_it()
    {
        var response = await _app.ImportAsync(Of(
            $"H1,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,granted,,false",
            $"H2,information,request,MEF,{new string('x', 5000)},ministry,Rabat,portal,,false,2025-01-06,2025-02-17,,,,false",
            $"H3,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,granted,,false"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("line").GetInt64());
        Assert.Contains("longer than 4096", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.CountAsync("case_facts"));
    }

    [Fact]
    public async Task Handles_an_event_while_a_large_file_is_written()
    {
        using var app = new ReportingApp { Settings = { ["Reporting:Import:BatchRows"] = "1000" } };
        var rows = Enumerable.Range(0, 200_000)
            .Select(i => $"H{i},information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,granted,,false");
        var file = Of([.. rows]);
        var live = new LifecycleEvents();
        _ = app.Services;

        var import = app.ImportAsync(file);
        // the file is checked first, then written: wait for its first rows
        var clock = Stopwatch.StartNew();
        while (await app.CountAsync("case_facts", "source = 'import'") == 0 && !import.IsCompleted)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the import never started writing");
            await Task.Delay(20);
        }
        await app.DeliverAsync(live.Submitted(new(2026, 2, 2), new(2026, 3, 2)));

        Assert.False(import.IsCompleted, "the event waited for the whole import");
        Assert.Equal(HttpStatusCode.OK, (await import).StatusCode);
        Assert.Equal(200_000, await app.CountAsync("case_facts", "source = 'import'"));
        Assert.Equal(1, await app.CountAsync("case_facts", "source = 'events'"));
    }
}
