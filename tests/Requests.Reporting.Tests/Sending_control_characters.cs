using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Requests.Reporting.Tests;

public sealed class Sending_control_characters : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_query_with_a_control_character_answers_422_naming_the_parameter()
    {
        var response = await _app.Ministry().GetAsync("/api/reports/2026/synthesis?asOf=2026-06-30%00");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["asOf"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
