using System.Net;
using System.Text.Json.Nodes;

namespace Requests.Intake.Tests;

// One app for the whole table: every row checks that what it sent changed nothing.
public sealed class Submitting_an_invalid_form(IntakeApp app) : IClassFixture<IntakeApp>
{
    // "path=json" sets a field, "path=" removes it; several changes are separated by "; "
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "requests", "bodyCode=", "bodyCode" },
        { "requests", "bodyCode=\"\"", "bodyCode" },
        { "requests", "bodyCode=\"NOPE\"", "bodyCode" },
        { "requests", "subject=", "subject" },
        { "requests", "subject=\"   \"", "subject" },
        { "requests", "description=", "description" },
        { "requests", "delivery=", "delivery" },
        { "requests", "delivery=\"fax\"", "delivery" },
        { "requests", "periodCovered={\"from\":\"2025-06-01\",\"to\":\"2025-05-31\"}", "periodCovered.to" },
        { "requests", "urgent=true", "urgentReason" },
        { "requests", "urgent=true; urgentReason=\" \"", "urgentReason" },
        { "requests", "requester=", "requester" },
        { "requests", "requester.fullName=", "requester.fullName" },
        { "requests", "requester.identityNumber=", "requester.identityNumber" },
        { "requests", "requester.identityNumber=\"123456\"", "requester.identityNumber" },
        { "requests", "requester.identityNumber=\"ABC123456\"", "requester.identityNumber" },
        { "requests", "requester.identityNumber=\"AB12\"", "requester.identityNumber" },
        { "requests", "requester.identityNumber=\"AB-123456\"", "requester.identityNumber" },
        { "requests", "requester.email=\"amina.example.ma\"", "requester.email" },
        { "requests", "requester.email=\"amina@example\"", "requester.email" },
        { "requests", "requester.email=\"Amina <amina@example.ma>\"", "requester.email" },
        { "requests", "requester.phone=\"call me\"", "requester.phone" },
        { "requests", "requester.phone=\"123\"", "requester.phone" },
        { "requests", "requester.email=", "requester.email" }, // delivery by e-mail
        { "requests", "delivery=\"post\"; requester.address=", "requester.address" },
        { "requests", "delivery=\"on-site\"; requester.email=; requester.phone=; requester.address=", "requester" },
        { "requests", "consent=", "consent" },
        { "requests", "consent=false", "consent" },
        { "requests", "language=", "language" },
        { "requests", "language=\"en\"", "language" },
        { "requests", "channel=\"portal\"", "channel" },
        { "requests", "receivedOn=\"2026-10-01\"", "receivedOn" },
        { "complaints", "kind=", "kind" },
        { "complaints", "kind=\"praise\"", "kind" },
        { "complaints", "bodyCode=", "bodyCode" },
        { "complaints", "bodyCode=\"NOPE\"", "bodyCode" },
        { "complaints", "subject=", "subject" },
        { "complaints", "description=\"\"", "description" },
        { "complaints", "theme=", "theme" },
        { "complaints", "theme=\"voirie\"", "theme" }, // not a code of the closed list: the citizen's words stay in subject and description
        { "complaints", "requester=", "requester" },
        { "complaints", "requester.fullName=\"\"", "requester.fullName" },
        { "complaints", "requester.identityNumber=\"X\"", "requester.identityNumber" },
        { "complaints", "requester.email=\"@example.ma\"", "requester.email" },
        { "complaints", "requester.phone=\"+212\"", "requester.phone" },
        { "complaints", "requester.email=; requester.phone=; requester.address=", "requester" },
        { "complaints", "consent=false", "consent" },
        { "complaints", "language=\"es\"", "language" },
        { "complaints", "channel=\"email\"", "channel" },
        { "complaints", "receivedOn=\"2026-10-01\"", "receivedOn" },
    };

    public static TheoryData<string, string, int> Limited => new()
    {
        { "requests", "subject", 200 },
        { "requests", "description", 5000 },
        { "requests", "documentType", 200 },
        { "requests", "urgentReason", 1000 },
        { "requests", "requester.fullName", 150 },
        { "requests", "requester.address", 300 },
        { "complaints", "subject", 200 },
        { "complaints", "description", 5000 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Answers_422_naming_the_field_and_stores_nothing(string endpoint, string changes, string field)
    {
        var form = Change(endpoint == "requests" ? Forms.Request() : Forms.Complaint(), changes);
        var before = await app.StoredAsync();

        var problem = await (await app.PostJsonAsync($"/api/{endpoint}", form)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(before, await app.StoredAsync());
    }

    [Theory]
    [MemberData(nameof(Limited))]
    public async Task Accepts_a_field_at_its_limit_and_refuses_one_character_more(string endpoint, string field, int limit)
    {
        var form = endpoint == "requests" ? Forms.Request() : Forms.Complaint();
        var atLimit = await app.PostJsonAsync($"/api/{endpoint}", form.With(field, new string('x', limit)));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        var before = await app.StoredAsync();

        var over = await app.PostJsonAsync($"/api/{endpoint}", form.With(field, new string('x', limit + 1)));

        Assert.Contains(field, (await over.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal(before, await app.StoredAsync());
    }

    [Fact]
    public async Task Names_every_invalid_field_at_once()
    {
        var form = Change(Forms.Request(), "bodyCode=; subject=; consent=false; requester.identityNumber=\"1\"");

        var problem = await (await app.PostJsonAsync("/api/requests", form)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["bodyCode", "consent", "requester.identityNumber", "subject"], problem.ErrorFields().Order());
    }

    private static JsonObject Change(JsonObject form, string changes) =>
        changes.Split("; ").Select(c => c.Split('=', 2)).Aggregate(form, (f, change) =>
            f.With(change[0], change[1].Length == 0 ? null : JsonNode.Parse(change[1])));
}
