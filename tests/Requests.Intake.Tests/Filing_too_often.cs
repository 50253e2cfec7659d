using System.Globalization;
using System.Net;

namespace Requests.Intake.Tests;

public sealed class Filing_too_often : IDisposable
{
    private readonly IntakeApp _app = new() { Settings = { ["Intake:RateLimits:SubmissionsPerMinute"] = "3" } };

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/api/requests")]
    [InlineData("/api/complaints")]
    public async Task Answers_429_with_Retry_After_once_the_limit_is_reached_and_stores_nothing(string path)
    {
        // requests and complaints share one allowance per client
        Assert.Equal(HttpStatusCode.Created, (await _app.PostJsonAsync("/api/requests", Forms.Request())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _app.PostJsonAsync("/api/complaints", Forms.Complaint())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _app.PostJsonAsync("/api/requests", Forms.Request())).StatusCode);

        var response = await _app.PostJsonAsync(path, path == "/api/requests" ? Forms.Request() : Forms.Complaint());

        await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal((3, 3), await _app.StoredAsync());
    }

    [Fact]
    public async Task Still_answers_case_lookups_and_staff_registrations()
    {
        FiledReceipt? receipt = null;
        for (var i = 0; i < 3; i++)
            receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _app.PostJsonAsync("/api/requests", Forms.Request())).StatusCode);

        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt!.TrackingNumber}");
        lookup.Headers.Add("X-Access-Code", receipt.AccessCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().SendAsync(lookup)).StatusCode);
        var staff = await _app.PostJsonAsync("/api/staff/requests",
            Forms.Request().With("channel", "post").With("receivedOn", "2026-10-20"), _app.StaffClient("officer", "MEF"));
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
    }
}
