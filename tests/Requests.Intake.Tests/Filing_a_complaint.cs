using System.Net;
using Requests.Contracts.Intake;

namespace Requests.Intake.Tests;

public sealed class Filing_a_complaint : IDisposable
{
    // Monday 7 September 2026, 10:00 in Casablanca
    private readonly IntakeApp _app = new();

    public Filing_a_complaint() => _app.Clock.Set(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Answers_201_with_a_receipt_and_the_location_of_the_case()
    {
        var response = await _app.PostJsonAsync("/api/complaints", Forms.Complaint());

        var receipt = await response.ReadReceiptAsync();
        Assert.Equal("REC-2026-000001", receipt.TrackingNumber);
        Assert.Equal("/api/cases/REC-2026-000001", response.Headers.Location?.OriginalString);
        Assert.Matches(Answers.AccessCodePattern, receipt.AccessCode);
        Assert.Equal(new DateTimeOffset(2026, 9, 7, 9, 0, 0, TimeSpan.Zero), receipt.ReceivedAt);
        Assert.Equal(new DateOnly(2026, 9, 7), receipt.ReceivedOn);
        Assert.Equal("2026.1", receipt.RuleVersion);
    }

    [Fact]
    public async Task Is_due_sixty_calendar_days_later_moved_off_a_day_off()
    {
        var receipt = await (await _app.PostJsonAsync("/api/complaints", Forms.Complaint())).ReadReceiptAsync();

        // day 60 after Mon 7 Sep is Fri 6 Nov, Marche verte; then the weekend: Mon 9 Nov
        Assert.Equal(new DateOnly(2026, 11, 9), receipt.DueDate);
    }

    [Fact]
    public async Task Is_numbered_apart_from_information_requests()
    {
        await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        var receipt = await (await _app.PostJsonAsync("/api/complaints", Forms.Complaint())).ReadReceiptAsync();

        Assert.Equal("REC-2026-000001", receipt.TrackingNumber);
    }

    [Theory]
    [InlineData("complaint")]
    [InlineData("observation")]
    [InlineData("suggestion")]
    public async Task Stores_the_kind_and_theme(string kind)
    {
        var response = await _app.PostJsonAsync("/api/complaints", Forms.Complaint().With("kind", kind));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var row = Assert.Single(await _app.QueryAsync("SELECT * FROM cases"));
        Assert.Equal(("complaint", kind, "COM-RABAT", "portal", "ar"),
            (row["regime"], row["kind"], row["body_code"], row["channel"], row["language"]));
        Assert.Equal(("roads", "2026-09-07", "2026-11-09"), (row["theme"], row["received_on"], row["due_on"]));
    }

    [Fact]
    public async Task Offers_the_closed_list_of_themes_in_French_and_Arabic()
    {
        var themes = (await _app.CreateClient().GetJsonAsync("/api/themes")).EnumerateArray().ToList();

        var roads = themes.Single(t => t.Text("code") == "roads");
        Assert.Equal(("Voirie", "الطرق"), (roads.Text("nameFr"), roads.Text("nameAr")));
        Assert.Equal("other", themes[^1].Text("code"));
        Assert.All(themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Text("nameAr"))));
    }

    [Fact]
    public async Task Puts_the_filing_in_exactly_one_message_of_the_outbox()
    {
        var receipt = await (await _app.PostJsonAsync("/api/complaints", Forms.Complaint())).ReadReceiptAsync();

        var row = Assert.Single(await _app.QueryAsync("SELECT message_type FROM outbox_messages"));
        Assert.Equal(typeof(SubmissionsStored).FullName, row["message_type"]);
        var (_, message) = Assert.Single(await _app.SubmittedAsync());
        Assert.Equal((receipt.CaseId, receipt.TrackingNumber, "complaint", "complaint", "COM-RABAT", "roads"),
            (message.CaseId, message.TrackingNumber, message.Regime, message.Kind, message.BodyCode, message.Theme));
        Assert.Equal((false, (string?)null, "portal"), (message.Urgent, message.Delivery, message.Channel));
        Assert.Equal((receipt.ReceivedOn, receipt.DueDate), (message.ReceivedOn, message.DueOn));
    }
}
