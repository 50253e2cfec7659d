using Requests.Contracts.Routing;

namespace Requests.Intake.Tests;

/// <summary>
/// The receipt is written with the filing, in the citizen's language, its access code encrypted (sending is off here:
/// the maildev tests in Requests.EndToEnd.Tests read it as sent); routing's notices show on the step they tell of.
/// </summary>
public sealed class Recording_the_citizen_s_notices : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_filing_records_its_receipt_in_the_citizen_s_language_with_the_due_date_and_no_clear_access_code()
    {
        var receipt = await _app.FileAsync(Forms.Request().With("language", "ar"));
        // stored with the filing as a small row (receipt_notices), the code sealed; the e-mail is rendered right after
        await IntakeApp.WaitUntilAsync(async () => await _app.CountAsync("notifications") == 1);

        var notice = Assert.Single(await _app.QueryAsync("SELECT * FROM notifications"));
        Assert.Equal(0, await _app.CountAsync("receipt_notices"));
        Assert.Equal(("receipt", "ar", "amina@example.ma", "pending", receipt.CaseId.ToString("D")),
            (notice["template"], notice["language"], notice["recipient"], notice["status"], notice["case_id"]));
        Assert.Equal($"{receipt.CaseId:D}:0:receipt:amina@example.ma", notice["idempotency_key"]);
        Assert.Contains(receipt.TrackingNumber, (string)notice["subject"]!, StringComparison.Ordinal);
        // Friday 23 October 2026 + 20 working days (6 and 18 November are holidays): Tuesday 24 November
        Assert.Contains("الثلاثاء 24 نونبر 2026", (string)notice["text"]!, StringComparison.Ordinal);
        Assert.Contains("[[access-code:", (string)notice["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.AccessCode, (string)notice["html"]!, StringComparison.Ordinal);

        var received = (await _app.ViewAsync(receipt)).GetProperty("timeline")[0];
        Assert.Equal(("received", "receipt", "pending"), (received.GetProperty("kind").GetString(),
            received.GetProperty("notice").GetString(), received.GetProperty("delivery").GetString()));
    }

    [Fact]
    public async Task A_citizen_without_e_mail_gets_the_receipt_recorded_for_posting_without_the_code()
    {
        var receipt = await _app.FileAsync(Forms.Request().With("requester.email", null).With("delivery", "post"));
        await IntakeApp.WaitUntilAsync(async () => await _app.CountAsync("notifications") == 1);

        var notice = Assert.Single(await _app.QueryAsync("SELECT * FROM notifications"));
        Assert.Equal(("postal", null, "no e-mail address"), (notice["status"], notice["recipient"], notice["last_error"]));
        Assert.Contains("remis avec le récépissé de dépôt", (string)notice["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("[[access-code:", (string)notice["text"]!, StringComparison.Ordinal);
        Assert.Equal("postal", (await _app.ViewAsync(receipt)).GetProperty("timeline")[0].GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task During_a_flood_the_receipts_are_written_a_little_at_a_time_and_all_of_them_after()
    {
        using var app = new IntakeApp();
        // any pace counts as a flood here: the receipts go 50 at a time, one chunk every 100 ms
        app.Settings["Notifications:ReceiptsDeferAbove"] = "-1";
        await app.FileAsync(); // the service started, its first receipt written
        await IntakeApp.WaitUntilAsync(async () => await app.CountAsync("notifications") == 1);

        var watching = WatchCountAsync(app, "notifications", until: 121);
        await Task.WhenAll(Enumerable.Range(0, 120).Select(_ => app.FileAsync()));
        var seen = await watching;

        Assert.Equal(121, seen[^1].Count);
        Assert.All(seen.Zip(seen.Skip(1)), step => Assert.True(step.Second.Count - step.First.Count <= 50,
            $"{step.Second.Count - step.First.Count} written at once"));
        // three chunks at least, 100 ms apart: all at once takes a few ms
        var span = seen[^1].At - seen.First(s => s.Count > 1).At;
        Assert.True(span >= TimeSpan.FromMilliseconds(150), $"120 written within {span.TotalMilliseconds:0} ms");
    }

    /// <summary>Each change of a table's row count and when it was seen, until it reaches <paramref name="until"/>.</summary>
    private static async Task<List<(long Count, TimeSpan At)>> WatchCountAsync(IntakeApp app, string table, long until)
    {
        var seen = new List<(long Count, TimeSpan At)>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((seen.Count == 0 || seen[^1].Count < until) && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            var count = await app.CountAsync(table);
            if (seen.Count == 0 || seen[^1].Count != count)
                seen.Add((count, watch.Elapsed));
            await Task.Delay(5);
        }
        return seen;
    }

    [Fact]
    public async Task Routing_s_notice_shows_on_its_step_and_its_status_only_moves_forward()
    {
        var receipt = await _app.FileAsync();
        var key = $"{receipt.CaseId:D}:2:extension:amina@example.ma";
        await _app.DeliverAsync(Moved(receipt));
        await _app.DeliverAsync(Notice(receipt, key, "sent"));
        await _app.DeliverAsync(Notice(receipt, key, "pending")); // late: the notice was recorded before it was sent

        var view = await _app.ViewAsync(receipt);
        var extended = Assert.Single(view.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "extended");
        Assert.Equal(("extension", "sent"), (extended.GetProperty("notice").GetString(), extended.GetProperty("delivery").GetString()));
        Assert.Equal(2, view.GetProperty("timeline").GetArrayLength());
        Assert.Equal(1, await _app.CountAsync("case_notices"));
    }

    private static CaseMoved Moved(FiledReceipt receipt) => new(receipt.CaseId, receipt.TrackingNumber, 2, "information", "request", "MEF",
        "extend", "accepted", "extended", IntakeApp.DefaultNow.AddDays(3), new DateOnly(2026, 10, 26), "officer", "officer", "MEF-O1",
        new DateOnly(2026, 12, 21), new DateOnly(2026, 11, 23), Text: "Les documents sont dispersés.");

    private static CitizenNoticeUpdated Notice(FiledReceipt receipt, string key, string status) => new(receipt.CaseId,
        receipt.TrackingNumber, key, "extension", $"Demande n° {receipt.TrackingNumber} : délai de réponse prolongé", status,
        IntakeApp.DefaultNow.AddDays(3).AddMinutes(1));
}
