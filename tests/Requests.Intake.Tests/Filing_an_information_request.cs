using System.Globalization;
using Requests.Contracts.Intake;

namespace Requests.Intake.Tests;

public sealed class Filing_an_information_request : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Answers_201_with_a_receipt_and_the_location_of_the_case()
    {
        var response = await _app.PostJsonAsync("/api/requests", Forms.Request());

        var receipt = await response.ReadReceiptAsync();
        Assert.Equal("DAI-2026-000001", receipt.TrackingNumber);
        Assert.Matches(Answers.AccessCodePattern, receipt.AccessCode);
        Assert.Equal("/api/cases/DAI-2026-000001", response.Headers.Location?.OriginalString);
        Assert.NotEqual(Guid.Empty, receipt.CaseId);
        Assert.Equal(IntakeApp.DefaultNow, receipt.ReceivedAt);
        Assert.Equal(new DateOnly(2026, 10, 23), receipt.ReceivedOn);
        Assert.Equal("2026.1", receipt.RuleVersion);
    }

    [Theory]
    // Friday 23:30 in Casablanca (UTC+1) is still that Friday; 20 working days skip Marche verte (Fri 6 Nov)
    // and Independence Day (Wed 18 Nov): Tue 24 Nov
    [InlineData("2026-10-23T22:30:00Z", "2026-10-23", "2026-11-24")]
    // Thursday 23:30 UTC is Friday 00:30 in Casablanca: day zero is the Friday, not the UTC Thursday
    [InlineData("2026-10-22T23:30:00Z", "2026-10-23", "2026-11-24")]
    // Friday 23:30 UTC is Saturday 00:30 in Casablanca: received on Saturday, counted from Monday as well
    [InlineData("2026-10-23T23:30:00Z", "2026-10-24", "2026-11-24")]
    public async Task Is_due_twenty_working_days_after_the_local_date_of_receipt(string now, string receivedOn, string due)
    {
        _app.Clock.Set(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        Assert.Equal(DateOnly.Parse(receivedOn, CultureInfo.InvariantCulture), receipt.ReceivedOn);
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), receipt.DueDate);
    }

    [Fact]
    public async Task Is_numbered_in_the_year_of_receipt_in_Casablanca()
    {
        // 23:30 UTC on 31 December 2026 is already 1 January 2027 in Casablanca
        _app.Clock.Set(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        Assert.Equal(("DAI-2027-000001", new DateOnly(2027, 1, 1)), (receipt.TrackingNumber, receipt.ReceivedOn));
    }

    [Fact]
    public async Task Is_due_in_three_working_days_when_urgent()
    {
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.UrgentRequest())).ReadReceiptAsync();

        // received Friday 23 October: Mon 26, Tue 27, Wed 28
        Assert.Equal(new DateOnly(2026, 10, 28), receipt.DueDate);
    }

    [Fact]
    public async Task Stores_the_case_as_filed()
    {
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.UrgentRequest())).ReadReceiptAsync();

        var row = Assert.Single(await _app.QueryAsync("SELECT * FROM cases"));
        Assert.Equal(receipt.CaseId.ToString(), row["id"]);
        Assert.Equal(receipt.TrackingNumber, row["tracking_number"]);
        Assert.Equal(("information", "request", "MEF", "portal", "fr"),
            (row["regime"], row["kind"], row["body_code"], row["channel"], row["language"]));
        Assert.Equal(("Budget de la commune", "email", "tableau"), (row["subject"], row["delivery"], row["document_type"]));
        Assert.Equal(("2025-01-01", "2025-12-31"), (row["period_from"], row["period_to"]));
        Assert.Equal(1L, row["urgent"]);
        Assert.StartsWith("Mon fils", (string)row["urgent_reason"]!);
        Assert.Equal(("Amina El Idrissi", "AB123456", "amina@example.ma"),
            (row["requester_name"], row["requester_identity"], row["requester_email"]));
        Assert.Equal(("2026-10-23", "2026-10-28", "2026.1"), (row["received_on"], row["due_on"], row["rule_version"]));
        Assert.Equal("received", row["status"]);
        Assert.Null(row["recorded_by"]);
    }

    [Fact]
    public async Task Stores_the_body_code_and_identity_number_in_capitals()
    {
        var form = Forms.Request().With("bodyCode", "com-rabat").With("requester.identityNumber", "ab123456");

        await (await _app.PostJsonAsync("/api/requests", form)).ReadReceiptAsync();

        var row = Assert.Single(await _app.QueryAsync("SELECT body_code, requester_identity FROM cases"));
        Assert.Equal(("COM-RABAT", "AB123456"), (row["body_code"], row["requester_identity"]));
    }

    [Fact]
    public async Task Puts_each_filing_in_exactly_one_message_of_the_outbox()
    {
        var first = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        Assert.Equal(1, await _app.CountAsync("outbox_messages"));
        await (await _app.PostJsonAsync("/api/requests", Forms.UrgentRequest())).ReadReceiptAsync();
        Assert.Equal(2, await _app.CountAsync("outbox_messages"));

        var submitted = await _app.SubmittedAsync();
        Assert.Equal(2, submitted.Select(s => s.MessageId).Distinct().Count());
        var message = submitted[0].Submitted;
        Assert.Equal((first.CaseId, first.TrackingNumber, "information", "request", "MEF"),
            (message.CaseId, message.TrackingNumber, message.Regime, message.Kind, message.BodyCode));
        Assert.Equal((false, "portal", "email", "fr"), (message.Urgent, message.Channel, message.Delivery, message.Language));
        Assert.Equal((first.ReceivedAt, first.ReceivedOn, first.DueDate, first.RuleVersion),
            (message.ReceivedAt, message.ReceivedOn, message.DueOn, message.RuleVersion));
        Assert.Equal(new Requester("Amina El Idrissi", "AB123456", "amina@example.ma", "+212 612-345678",
            "12 rue des Orangers, Rabat"), message.Requester);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (message.PeriodFrom, message.PeriodTo));
    }
}
