using System.Net;
using System.Text.Json.Nodes;

namespace Requests.Intake.Tests;

// A NUL or another control character in any text field is a 422 naming the field, and nothing is stored;
// tab and line breaks only where the field is free text.
public sealed class Sending_control_characters(IntakeApp app) : IClassFixture<IntakeApp>
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "requests", "subject", "Budget\u0000 2025" },
        { "requests", "subject", "Budget\t2025" },
        { "requests", "subject", "Budget\n2025" },
        { "requests", "description", "Le budget\u0000" },
        { "requests", "description", "Le budget\u001b[31m" },
        { "requests", "requester.fullName", "Amina\u0000Alaoui" },
        { "requests", "requester.email", "amina@example.ma\r\nBcc: x@example.ma" },
        { "requests", "bodyCode", "MEF\u0000" },
        { "requests", "language", "fr\u0000" },
        { "complaints", "theme", "voirie\u0007" },
        { "complaints", "requester.identityNumber", "AB123456\u0000" },
        // DEL and the C1 controls are control characters too, though JSON lets them be written unescaped
        { "requests", "subject", "\u007f" },
        { "requests", "requester.fullName", "Amina\u0085Alaoui" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Answers_422_naming_the_field_and_stores_nothing(string form, string field, string value)
    {
        var before = await app.StoredAsync();
        var body = (form == "requests" ? Forms.Request() : Forms.Complaint()).With(field, JsonValue.Create(value));

        var problem = await (await app.PostJsonAsync($"/api/{form}", body)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal([field], problem.ErrorFields());
        Assert.Equal(before, await app.StoredAsync());
    }

    [Fact]
    public async Task Answers_422_for_a_DEL_or_C1_control_written_raw_in_the_body()
    {
        var before = await app.StoredAsync();
        var json = Forms.Request().With("subject", "Budget 2025").ToJsonString()
            .Replace("Budget 2025", "Budget\u007f2025", StringComparison.Ordinal);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var problem = await (await app.CreateClient().PostAsync("/api/requests", content)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["subject"], problem.ErrorFields());
        Assert.Equal(before, await app.StoredAsync());
    }

    [Fact]
    public async Task Takes_guillemets_and_no_break_spaces_which_share_the_C1_controls_first_byte()
    {
        var json = Forms.Request().With("subject", "Budget 2025").ToJsonString()
            .Replace("Budget 2025", "Le budget «\u00a02025\u00a0»", StringComparison.Ordinal);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Created, (await app.CreateClient().PostAsync("/api/requests", content)).StatusCode);
    }

    [Fact]
    public async Task Takes_tabs_and_line_breaks_in_free_text()
    {
        var body = Forms.Request().With("description", "Ligne 1\r\nLigne 2\n\tdétail")
            .With("requester.address", "12 rue des Orangers\nRabat");

        Assert.Equal(HttpStatusCode.Created, (await app.PostJsonAsync("/api/requests", body)).StatusCode);
    }

    [Fact]
    public async Task Answers_422_for_a_control_character_in_a_citizen_action_or_a_query()
    {
        var receipt = await (await app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

        var action = await app.ActAsync(receipt.TrackingNumber, receipt.AccessCode, "withdrawal", new { reason = "Plus besoin\u0000" });
        Assert.Equal(["reason"], (await action.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        var lookup = await app.CreateClient().GetAsync("/api/deadlines?regime=information%00&receivedOn=2026-10-23");
        Assert.Equal(["regime"], (await lookup.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }
}
