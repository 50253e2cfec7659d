using System.Net;

namespace Requests.Intake.Tests;

public sealed class Guessing_access_codes : IDisposable
{
    private readonly IntakeApp _app = new() { Settings = { ["Intake:RateLimits:LookupsPerMinute"] = "5" } };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Is_stopped_with_429_after_the_lookup_limit_even_with_the_right_code_next()
    {
        var receipt = await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(receipt.TrackingNumber, $"0000{i}-00000")).StatusCode);

        var response = await LookUpAsync(receipt.TrackingNumber, receipt.AccessCode);

        await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    private async Task<HttpResponseMessage> LookUpAsync(string trackingNumber, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{trackingNumber}");
        request.Headers.Add("X-Access-Code", code);
        return await _app.CreateClient().SendAsync(request);
    }
}
