using System.Globalization;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Requests.Contracts.Routing;
using Requests.Reporting.Facts;

namespace Requests.Reporting.Tests;

public sealed class Building_facts_from_events : IDisposable
{
    private static readonly DateOnly Jan5 = new(2026, 1, 5);

    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Counts_a_submitted_and_answered_case_in_its_bodys_report()
    {
        var c = new LifecycleEvents();
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(c.Assigned(Jan5, Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(c.Moved("accept", "accepted", new DateOnly(2026, 1, 6), new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(c.Moved("answer", "answered", new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 3), "refused", "national-defence"));

        var figures = await Figures("MEF");

        Assert.Equal(1, figures.GetProperty("received").GetInt64());
        Assert.Equal(1, figures.GetProperty("answered").GetInt64());
        Assert.Equal(10m, figures.GetProperty("calendarDays").GetProperty("average").GetDecimal()); // 5 to 15 January
        Assert.Equal(1, figures.GetProperty("answeredInTime").GetInt64());
        var fact = Assert.Single(await _app.QueryAsync("SELECT tracking_number, status FROM case_facts"));
        Assert.Equal(c.TrackingNumber, fact["tracking_number"]);
        Assert.Equal("answered", fact["status"]);
    }

    [Fact]
    public async Task Records_every_case_of_a_message_that_opened_several_at_once()
    {
        var (mef, onee, left) = (new LifecycleEvents(), new LifecycleEvents(body: "ONEE"), new LifecycleEvents());
        var due = new DateOnly(2026, 2, 3);

        // as routing sends a batch's openings: two assigned, one left for a person to route
        await _app.DeliverAsync(new CasesOpened([.. mef.Assigned(Jan5, Jan5, due).Cases, .. onee.Assigned(Jan5, Jan5, due).Cases,
            left.Opened(new DateOnly(2026, 1, 6), due)]));

        Assert.Equal(2, (await Figures("MEF")).GetProperty("received").GetInt64());
        Assert.Equal(1, (await Figures("ONEE")).GetProperty("received").GetInt64());
        var facts = await _app.QueryAsync("SELECT tracking_number, received_day, due_day FROM case_facts ORDER BY tracking_number");
        Assert.Equal(new[] { mef.TrackingNumber, onee.TrackingNumber, left.TrackingNumber }.Order(StringComparer.Ordinal), facts.Select(f => (string)f["tracking_number"]!));
        Assert.All(facts, f => Assert.Equal((long)due.DayNumber, f["due_day"]));
    }

    [Fact]
    public async Task Reports_a_move_that_arrives_after_an_earlier_report()
    {
        var c = new LifecycleEvents();
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        Assert.Equal(0, (await Figures("MEF")).GetProperty("answered").GetInt64()); // the year's facts are now in memory

        await _app.DeliverAsync(c.Moved("answer", "answered", new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 3), "granted"));

        Assert.Equal(1, (await Figures("MEF")).GetProperty("answered").GetInt64());
        await _app.ImportOkAsync(HistoricalFile.Of($"X1,information,request,{HistoricalFile.Mef},post,,false,2026-01-06,,,,,false"));
        Assert.Equal(2, (await Figures("MEF")).GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task Builds_the_same_fact_whatever_the_order_of_arrival()
    {
        var inOrder = new LifecycleEvents();
        var shuffled = new LifecycleEvents();
        foreach (var c in new[] { inOrder, shuffled })
        {
            var moves = new object[]
            {
                c.Submitted(Jan5, new DateOnly(2026, 2, 3)),
                c.Moved("extend", "extended", new DateOnly(2026, 1, 20), new DateOnly(2026, 3, 3), sequence: 3),
                c.Moved("answer", "answered", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 3), "granted", sequence: 7),
            };
            foreach (var move in c == inOrder ? moves : moves.Reverse())
                await DeliverAsync(move);
        }

        var facts = await _app.QueryAsync("SELECT body_id, codes, received_day, due_day, answered_day, sequence, status FROM case_facts ORDER BY id");

        Assert.Equal(2, facts.Count);
        Assert.Equal(JsonSerializer.Serialize(facts[0]), JsonSerializer.Serialize(facts[1]));
        Assert.Equal("answered", facts[1]["status"]);
        Assert.Equal((long)new DateOnly(2026, 3, 3).DayNumber, facts[1]["due_day"]); // the extended due date, not the first
    }

    [Fact]
    public async Task Changes_nothing_when_a_message_comes_again()
    {
        var c = new LifecycleEvents();
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        var answer = c.Moved("answer", "answered", new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 3), "granted");
        var id = Guid.NewGuid();
        await _app.DeliverAsync(answer, id);
        var before = JsonSerializer.Serialize(await _app.QueryAsync("SELECT * FROM case_facts"));

        await _app.Services.GetRequiredService<IBus>().Publish(answer, x => x.MessageId = id); // the same delivery again
        await _app.DeliverAsync(answer);                                                  // the same move under another id

        Assert.Equal(before, JsonSerializer.Serialize(await _app.QueryAsync("SELECT * FROM case_facts")));

        // a second answer (after a reopening) does not replace the first, final one
        await _app.DeliverAsync(c.Moved("answer", "answered", new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 3), "refused", "state-security"));
        var fact = Assert.Single(await _app.QueryAsync("SELECT answered_day, codes FROM case_facts"));
        Assert.Equal((long)new DateOnly(2026, 1, 15).DayNumber, fact["answered_day"]);
        Assert.Equal(JsonSerializer.Deserialize<Dictionary<string, object>[]>(before)![0]["codes"].ToString(), fact["codes"]!.ToString());
    }

    [Fact]
    public async Task Counts_redirected_closed_paused_and_overdue_cases_apart()
    {
        var redirected = new LifecycleEvents();
        await _app.DeliverAsync(redirected.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(redirected.Moved("redirect", "redirected", new DateOnly(2026, 1, 8), new DateOnly(2026, 2, 3), redirectedTo: "MJ"));
        var withdrawn = new LifecycleEvents();
        await _app.DeliverAsync(withdrawn.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(withdrawn.Moved("close", "closed", new DateOnly(2026, 1, 9), new DateOnly(2026, 2, 3)));
        var paused = new LifecycleEvents();
        await _app.DeliverAsync(paused.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(paused.Moved("ask-clarification", "awaiting-clarification", new DateOnly(2026, 1, 12), new DateOnly(2026, 2, 3)));
        // the clock ran again after 10 days of pause: due 10 days later
        await _app.DeliverAsync(paused.Moved("receive-clarification", "accepted", new DateOnly(2026, 1, 22), new DateOnly(2026, 2, 17)));
        await _app.DeliverAsync(paused.Moved("answer", "answered", new DateOnly(2026, 2, 12), new DateOnly(2026, 2, 17), "granted"));
        var overdue = new LifecycleEvents();
        await _app.DeliverAsync(overdue.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(overdue.Missed(new DateOnly(2026, 2, 4), new DateOnly(2026, 2, 3)));

        var figures = await Figures("MEF");

        Assert.Equal(4, figures.GetProperty("received").GetInt64());
        Assert.Equal(2, figures.GetProperty("answered").GetInt64());       // the redirection and the paused case
        Assert.Equal(2, figures.GetProperty("answeredInTime").GetInt64()); // the paused case by its moved due date
        Assert.Equal(1, figures.GetProperty("open").GetInt64());           // the withdrawn case is neither
        Assert.Equal(1, figures.GetProperty("openOverdue").GetInt64());
        var outcomes = (await Report("MEF")).GetProperty("breakdowns").GetProperty("byOutcome");
        Assert.Contains(outcomes.EnumerateArray(), o => o.GetProperty("key").GetString() == "redirected");
    }

    [Fact]
    public async Task Follows_a_due_date_moved_by_a_holiday_correction()
    {
        var c = new LifecycleEvents();
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(c.DueChanged(new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 4), new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(c.Moved("answer", "answered", new DateOnly(2026, 2, 4), new DateOnly(2026, 2, 4), "granted"));

        Assert.Equal(1, (await Figures("MEF")).GetProperty("answeredInTime").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Undoes_a_missed_deadline_that_a_holiday_correction_made_premature(bool missArrivesLast)
    {
        var c = new LifecycleEvents();
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        // missed on Wed 4 Feb; on Thu 5 a correction moves the due date to Thu 5: open again
        var missed = c.Missed(new DateOnly(2026, 2, 4), new DateOnly(2026, 2, 3));
        var undone = c.DueChanged(new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 5), new DateOnly(2026, 2, 3)) with
        {
            ReopenedStatus = "accepted", Sequence = 9,
        };
        if (!missArrivesLast)
            await _app.DeliverAsync(missed);
        await _app.DeliverAsync(undone);
        if (missArrivesLast)
            await _app.DeliverAsync(missed);

        var fact = Assert.Single(await _app.QueryAsync("SELECT codes, status, sequence, due_day FROM case_facts"));
        Assert.Equal(0, Convert.ToInt32(fact["codes"], CultureInfo.InvariantCulture) & FactCodes.DeadlineMissed);
        Assert.Equal(("accepted", 9L, (long)new DateOnly(2026, 2, 5).DayNumber), ((string?)fact["status"], (long)fact["sequence"]!, (long)fact["due_day"]!));
    }

    [Fact]
    public async Task Takes_sectors_and_regions_from_routings_directory()
    {
        var c = new LifecycleEvents(body: "ONEE");
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));
        await _app.DeliverAsync(new BodyDirectoryPublished(2,
            [new DirectoryBody("ONEE", "Office national de l'eau", "المكتب", "public-establishment", "Casablanca-Settat", null)],
            DateTimeOffset.UtcNow));
        await _app.DeliverAsync(new BodyDirectoryPublished(1, // an older snapshot, late
            [new DirectoryBody("ONEE", "Old name", "المكتب", "other", "Nowhere", null)], DateTimeOffset.UtcNow));

        var report = await Report("ONEE");

        Assert.Equal("public-establishment", report.GetProperty("sector").GetString());
        Assert.Equal("Casablanca-Settat", report.GetProperty("region").GetString());
        Assert.Equal("Office national de l'eau", report.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Keeps_nothing_of_the_requesters_identity()
    {
        var c = new LifecycleEvents();
        await _app.DeliverAsync(c.Submitted(Jan5, new DateOnly(2026, 2, 3)));

        await using (var connection = _app.OpenDatabase())
        {
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var stored = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(_app.DatabaseFile));
        Assert.Contains(c.TrackingNumber, stored, StringComparison.Ordinal);
        foreach (var personal in new[] { "Amina Alaoui", "AB123456", "amina@example.ma", "+212600000000", "Orangers", "quarterly" })
            Assert.DoesNotContain(personal, stored, StringComparison.Ordinal);
    }

    private async Task DeliverAsync(object message)
    {
        switch (message)
        {
            case CasesOpened m: await _app.DeliverAsync(m); break;
            case CaseMoved m: await _app.DeliverAsync(m); break;
            default: throw new ArgumentException($"No delivery for {message.GetType().Name}.", nameof(message));
        }
    }

    private async Task<JsonElement> Report(string body) => await _app.GetJsonAsync($"/api/reports/2026/bodies/{body}?asOf=2026-02-25");

    private async Task<JsonElement> Figures(string body) => (await Report(body)).GetProperty("figures");
}
