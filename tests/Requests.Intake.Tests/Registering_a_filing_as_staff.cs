using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests;

// A letter or a visit is registered later by staff, with its channel and the day it truly came in.
public sealed class Registering_a_filing_as_staff : IDisposable
{
    private readonly IntakeApp _app = new();

    // Friday 20 November 2026, 10:00 in Casablanca
    public Registering_a_filing_as_staff() => _app.Clock.Set(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("requests")]
    [InlineData("complaints")]
    public async Task Answers_401_without_a_staff_token_and_stores_nothing(string endpoint)
    {
        var response = await _app.PostJsonAsync($"/api/staff/{endpoint}", Registered(endpoint, "post", "2026-11-02"));

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Fact]
    public async Task Answers_401_to_a_token_that_is_not_routings()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token-routing-issued");

        var response = await _app.PostJsonAsync("/api/staff/requests", Registered("requests", "post", "2026-11-02"), client);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Theory]
    [InlineData("requests", StaffRoles.Officer)] // the request is addressed to MEF
    [InlineData("complaints", StaffRoles.Head)] // the complaint to COM-RABAT
    public async Task Answers_403_to_staff_of_another_body_and_stores_nothing(string endpoint, string role)
    {
        var response = await _app.PostJsonAsync($"/api/staff/{endpoint}", Registered(endpoint, "post", "2026-11-02"),
            _app.StaffClient(role, "CNSS"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("designated", problem.Text("title"), StringComparison.Ordinal);
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Fact]
    public async Task Answers_403_to_the_ministry_which_acts_on_no_case()
    {
        var response = await _app.PostJsonAsync("/api/staff/requests", Registered("requests", "post", "2026-11-02"),
            _app.StaffClient(StaffRoles.Ministry));

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Theory]
    [InlineData(StaffRoles.Officer, "MEF")]
    [InlineData(StaffRoles.Head, "mef")] // body codes are read whatever their case
    [InlineData(StaffRoles.Officer, "CNSS", "MEF")]
    [InlineData(StaffRoles.Admin)] // an administrator registers for any body
    public async Task Registers_for_a_body_the_account_is_designated_for_or_as_an_administrator(string role, params string[] bodies)
    {
        var response = await _app.PostJsonAsync("/api/staff/requests", Registered("requests", "post", "2026-11-02"),
            _app.StaffClient(role, bodies));

        await response.ReadReceiptAsync();
        Assert.Equal((1, 1), await _app.StoredAsync());
    }

    [Theory]
    [InlineData("requests", "post")]
    [InlineData("requests", "counter")]
    [InlineData("complaints", "email")]
    [InlineData("complaints", "phone")]
    public async Task Stores_the_channel_and_who_recorded_it(string endpoint, string channel)
    {
        var receipt = await (await StaffPostAsync(endpoint, channel, "2026-11-02")).ReadReceiptAsync();

        var row = Assert.Single(await _app.QueryAsync("SELECT channel, recorded_by, received_on FROM cases"));
        // the account that typed it in, by its name in the token
        Assert.Equal((channel, "officer-mef-com-rabat", "2026-11-02"), (row["channel"], row["recorded_by"], row["received_on"]));
        var (_, submitted) = Assert.Single(await _app.SubmittedAsync());
        Assert.Equal((receipt.CaseId, channel), (submitted.CaseId, submitted.Channel));
    }

    [Fact]
    public async Task Counts_a_request_from_the_day_the_letter_came_in()
    {
        var receipt = await (await StaffPostAsync("requests", "post", "2026-10-23")).ReadReceiptAsync();

        Assert.Equal(new DateOnly(2026, 10, 23), receipt.ReceivedOn);
        // 20 working days from Fri 23 Oct, skipping 6 and 18 Nov; not from the day it was typed in (20 Nov)
        Assert.Equal(new DateOnly(2026, 11, 24), receipt.DueDate);
        Assert.Equal(_app.Clock.GetUtcNow(), receipt.ReceivedAt);
    }

    [Fact]
    public async Task Counts_a_complaint_from_the_day_it_was_deposited()
    {
        var receipt = await (await StaffPostAsync("complaints", "counter", "2026-09-07")).ReadReceiptAsync();

        // day 60 after Mon 7 Sep is Fri 6 Nov, a holiday, then a weekend: Mon 9 Nov
        Assert.Equal((new DateOnly(2026, 9, 7), new DateOnly(2026, 11, 9)), (receipt.ReceivedOn, receipt.DueDate));
    }

    [Fact]
    public async Task Numbers_the_case_in_the_year_it_was_received()
    {
        _app.Clock.Set(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));

        var receipt = await (await StaffPostAsync("requests", "post", "2026-12-30")).ReadReceiptAsync();

        Assert.Equal("DAI-2026-000001", receipt.TrackingNumber);
    }

    [Theory]
    [InlineData("requests", null, "2026-11-02", "channel")]
    [InlineData("requests", "portal", "2026-11-02", "channel")]
    [InlineData("complaints", "fax", "2026-11-02", "channel")]
    [InlineData("requests", "post", null, "receivedOn")]
    [InlineData("complaints", "post", null, "receivedOn")]
    [InlineData("requests", "post", "2026-11-21", "receivedOn")] // tomorrow
    [InlineData("complaints", "counter", "2027-01-01", "receivedOn")]
    [InlineData("requests", "post", "2025-11-19", "receivedOn")] // more than a year ago
    public async Task Answers_422_to_a_missing_channel_or_receipt_date_or_one_in_the_future(string endpoint,
        string? channel, string? receivedOn, string field)
    {
        var problem = await (await StaffPostAsync(endpoint, channel, receivedOn)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal((0, 0), await _app.StoredAsync());
    }

    [Fact]
    public async Task Accepts_today_in_Casablanca_even_when_it_is_still_yesterday_in_UTC()
    {
        // 23:30 UTC on Friday 20 November is 00:30 on Saturday 21 November in Casablanca
        _app.Clock.Set(new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero));

        var receipt = await (await StaffPostAsync("requests", "counter", "2026-11-21")).ReadReceiptAsync();

        Assert.Equal(new DateOnly(2026, 11, 21), receipt.ReceivedOn);
        var tomorrow = await StaffPostAsync("requests", "counter", "2026-11-22");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tomorrow.StatusCode);
    }

    private Task<HttpResponseMessage> StaffPostAsync(string endpoint, string? channel, string? receivedOn) =>
        _app.PostJsonAsync($"/api/staff/{endpoint}", Registered(endpoint, channel, receivedOn),
            _app.StaffClient(StaffRoles.Officer, "MEF", "COM-RABAT"));

    private static JsonObject Registered(string endpoint, string? channel, string? receivedOn) =>
        (endpoint == "requests" ? Forms.Request() : Forms.Complaint())
            .With("channel", channel is null ? null : JsonValue.Create(channel))
            .With("receivedOn", receivedOn is null ? null : JsonValue.Create(receivedOn));
}
