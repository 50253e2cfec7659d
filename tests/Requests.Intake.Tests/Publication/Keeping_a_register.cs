using System.Net;
using System.Net.Http.Json;
using Requests.Intake.Tests.Documents;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests.Publication;

// A body's register of what it publishes of its own accord: add, replace, withdraw, and the history that stays.
public sealed class Keeping_a_register : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Adds_replaces_and_withdraws_an_entry_keeping_every_version_for_staff()
    {
        var added = await _app.AddEntryAsync();
        var id = added.GetProperty("id").GetString()!;
        var officer = _app.Officer();

        var replaced = await Publishing.JsonAsync(await officer.SaveEntryAsync(Publishing.Entry(titleFr: "Budget rectifié 2026"),
            ("budget-rectifie.pdf", Files.Pdf(2)), id: id), HttpStatusCode.OK);
        var withdrawn = await Publishing.JsonAsync(await officer.PostAsJsonAsync($"/api/bodies/MEF/register/{id}/withdraw",
            new { reason = "Remplacé par la loi de finances rectificative." }), HttpStatusCode.OK);
        var register = await Publishing.JsonAsync(await officer.GetAsync("/api/bodies/MEF/register"), HttpStatusCode.OK);

        Assert.Equal((1, 2), (added.GetProperty("version").GetInt32(), replaced.GetProperty("version").GetInt32()));
        Assert.Equal("budget-rectifie.pdf", replaced.GetProperty("file").GetProperty("name").GetString());
        Assert.Equal("withdrawn", withdrawn.GetProperty("state").GetString());
        var entry = Assert.Single(register.EnumerateArray());
        Assert.Equal("Remplacé par la loi de finances rectificative.", entry.GetProperty("withdrawnReason").GetString());
        var history = entry.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["published", "replaced", "withdrawn"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("Budget 2026 de la commune", history[0].GetProperty("content").GetProperty("titleFr").GetString());
        Assert.Equal("budget.pdf", history[0].GetProperty("content").GetProperty("files")[0].GetProperty("name").GetString());
        Assert.All(history, h => Assert.Equal("officer-mef", h.GetProperty("by").GetString()));
        // gone from every public output
        Assert.Equal(0, (await _app.SearchAsync("q=budget")).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/api/public/items/register/{id}")).StatusCode);
        var file = replaced.GetProperty("file").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/api/public/files/{file}")).StatusCode);
    }

    [Fact]
    public async Task Keeps_the_current_file_when_a_replacement_sends_none_and_takes_a_link_alone()
    {
        var added = await _app.AddEntryAsync();
        var id = added.GetProperty("id").GetString()!;

        var kept = await Publishing.JsonAsync(await _app.Officer().SaveEntryAsync(Publishing.Entry(titleFr: "Budget 2026 (corrigé)"), id: id),
            HttpStatusCode.OK);
        var linked = await Publishing.JsonAsync(await _app.Officer().SaveEntryAsync(Publishing.Entry(link: "https://www.finances.gov.ma/budget"),
            body: "MEF"), HttpStatusCode.Created);

        Assert.Equal(added.GetProperty("file").GetProperty("id").GetString(), kept.GetProperty("file").GetProperty("id").GetString());
        Assert.Equal("https://www.finances.gov.ma/budget", linked.GetProperty("link").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, linked.GetProperty("file").ValueKind);
    }

    [Fact]
    public async Task Refuses_an_entry_field_by_field()
    {
        var form = Publishing.Entry(titleFr: "", titleAr: null, category: "gossip", publishedOn: "2026-13-01", link: "javascript:alert(1)");

        var problem = await Publishing.JsonAsync(await _app.Officer().SaveEntryAsync(form), HttpStatusCode.UnprocessableEntity);
        var neither = await Publishing.JsonAsync(await _app.Officer().SaveEntryAsync(Publishing.Entry()), HttpStatusCode.UnprocessableEntity);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "category", "titleFr", "publishedOn", "link" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        // no file and no link
        Assert.True(neither.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(0, await _app.CountAsync("published_items"));
    }

    [Fact]
    public async Task Refuses_a_page_named_pdf_and_a_word_document()
    {
        var page = await _app.Officer().SaveEntryAsync(Publishing.Entry(), ("budget.pdf", Files.Html()));
        var word = await _app.Officer().SaveEntryAsync(Publishing.Entry(), ("budget.docx", Files.Docx()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, page.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, word.StatusCode);
        Assert.Equal("application/problem+json", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await _app.CountAsync("published_items"));
    }

    [Fact]
    public async Task Serves_a_published_file_as_an_attachment_with_its_checked_type()
    {
        var added = await _app.AddEntryAsync();
        var file = added.GetProperty("file").GetProperty("id").GetString();

        using var response = await _app.CreateClient().GetAsync($"/api/public/files/{file}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Files.Pdf(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("budget.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lets_only_the_body_s_staff_write_and_the_ministry_read()
    {
        var added = await _app.AddEntryAsync();
        var ministry = _app.StaffClient(StaffRoles.Ministry);

        var anonymous = await _app.CreateClient().SaveEntryAsync(Publishing.Entry(), ("b.pdf", Files.Pdf()));
        var otherBody = await _app.Officer("COM-RABAT").SaveEntryAsync(Publishing.Entry(), ("b.pdf", Files.Pdf()));
        var byMinistry = await ministry.SaveEntryAsync(Publishing.Entry(), ("b.pdf", Files.Pdf()));
        var admin = await _app.StaffClient(StaffRoles.Admin).SaveEntryAsync(Publishing.Entry(), ("b.pdf", Files.Pdf()));
        var read = await Publishing.JsonAsync(await ministry.GetAsync("/api/bodies/MEF/register"), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byMinistry.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        Assert.Equal(2, read.GetArrayLength());
        Assert.Equal(added.GetProperty("id").GetString(), read[1].GetProperty("id").GetString());
    }
}
