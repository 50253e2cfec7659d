using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Requests.Intake.Tests;

public sealed class Sending_a_body_that_is_not_a_form(IntakeApp app) : IClassFixture<IntakeApp>
{
    public static TheoryData<string, string, string> Malformed => new()
    {
        { "requests", "{\"bodyCode\": \"MEF\",", "$" },
        { "requests", "{\"bodyCode\": \"MEF\", \"urgent\": \"yes\"}", "urgent" },
        { "requests", "{\"bodyCode\": \"MEF\", \"requester\": {\"fullName\": 12}}", "requester.fullName" },
        { "requests", "{\"bodyCode\": \"MEF\", \"periodCovered\": {\"from\": \"1 May\"}}", "periodCovered.from" },
        { "requests", "{\"bodyCode\": \"MEF\", \"colour\": \"red\"}", "colour" },
        { "requests", "[]", "$" },
        { "complaints", "{\"kind\": \"complaint\", \"consent\": \"oui\"}", "consent" },
        { "complaints", "{\"kind\": \"complaint\", \"requester\": {\"nickname\": \"A\"}}", "requester.nickname" },
        { "complaints", "not json", "$" },
        { "complaints", "", "$" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Answers_400_naming_where_the_json_is_wrong(string endpoint, string body, string field)
    {
        var before = await app.StoredAsync();

        var problem = await (await PostAsync(endpoint, body, "application/json")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, await app.StoredAsync());
    }

    [Theory]
    [InlineData("requests")]
    [InlineData("complaints")]
    public async Task Answers_400_to_a_null_form(string endpoint)
    {
        var before = await app.StoredAsync();

        await (await PostAsync(endpoint, "null", "application/json")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, await app.StoredAsync());
    }

    [Theory]
    [InlineData("requests", "text/plain")]
    [InlineData("requests", "application/x-www-form-urlencoded")]
    [InlineData("complaints", "application/xml")]
    [InlineData("complaints", null)]
    public async Task Answers_415_to_another_content_type(string endpoint, string? contentType)
    {
        var before = await app.StoredAsync();

        var response = await PostAsync(endpoint, Forms.Request().ToJsonString(), contentType);

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await app.StoredAsync());
    }

    [Theory]
    [InlineData("requests")]
    [InlineData("complaints")]
    public async Task Answers_413_to_a_body_over_64_KiB(string endpoint)
    {
        var before = await app.StoredAsync();

        var response = await PostAsync(app.CreateClient(), endpoint, Oversized(endpoint), "application/json");

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await app.StoredAsync());
    }

    [Theory]
    [InlineData("requests")]
    [InlineData("complaints")]
    public async Task Answers_413_to_a_body_over_64_KiB_sent_in_chunks_without_a_length(string endpoint)
    {
        // the test server does not enforce a body size limit: Kestrel does, as in production
        await using var kestrel = new IntakeApp();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var before = await kestrel.StoredAsync();

        var response = await PostAsync(kestrel.CreateClient(), endpoint, Oversized(endpoint), "application/json", chunked: true);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await kestrel.StoredAsync());
    }

    // valid JSON, so that only the size can be the reason
    private static string Oversized(string endpoint) =>
        (endpoint == "requests" ? Forms.Request() : Forms.Complaint()).With("description", new string('x', 70_000)).ToJsonString();

    private Task<HttpResponseMessage> PostAsync(string endpoint, string body, string? contentType) =>
        PostAsync(app.CreateClient(), endpoint, body, contentType);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string endpoint, string body, string? contentType,
        bool chunked = false)
    {
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{endpoint}") { Content = content };
        if (chunked)
            request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request);
    }
}
