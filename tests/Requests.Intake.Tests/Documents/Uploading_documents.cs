using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Intake.Tests.Documents;

// An officer uploads the files of an answer first, as drafts; every file is checked on its content before anything is kept.
public sealed class Uploading_documents : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    private HttpClient Officer => _app.StaffClient(StaffRoles.Officer, "MEF");

    [Fact]
    public async Task Answers_201_with_each_draft_s_reference_and_keeps_it_from_the_citizen()
    {
        var receipt = await _app.FileAsync();
        byte[] budget = Files.Pdf(1), report = Files.Pdf(2, 5000);

        var drafts = await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", budget), ("report.pdf", report));

        Assert.Equal(["budget.pdf", "report.pdf"], drafts.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal([2000L, 5000L], drafts.Select(d => d.GetProperty("size").GetInt64()));
        Assert.Equal([Files.Sha256(budget), Files.Sha256(report)], drafts.Select(d => d.GetProperty("sha256").GetString()));
        Assert.All(drafts, d => Assert.Equal("application/pdf", d.GetProperty("contentType").GetString()));
        Assert.All(drafts, d => Assert.Equal("draft", d.GetProperty("state").GetString()));
        Assert.Equal(2, await _app.CountAsync("documents", "state = 'draft' AND added_by = 'officer-mef'"));
        // not sent yet: the citizen neither sees nor downloads a draft
        var theirs = await _app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}/documents")
            { Headers = { { "X-Access-Code", receipt.AccessCode } } });
        Assert.Empty((await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").EnumerateArray());
        await (await _app.DownloadAsync(receipt.TrackingNumber, drafts[0].GetProperty("id").GetString()!, receipt.AccessCode))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("C:\\Users\\youssef\\Desktop\\budget.pdf", "budget.pdf")] // an old browser sends the whole path
    [InlineData("exports/2025/budget.pdf", "budget.pdf")]
    [InlineData("ميزانية 2025.pdf", "ميزانية 2025.pdf")]
    public async Task Keeps_the_name_without_the_folders_a_browser_sends(string sent, string kept)
    {
        var receipt = await _app.FileAsync();

        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, (sent, Files.Pdf())));

        Assert.Equal(kept, draft.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("decision.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("photo.png", "png", "image/png")]
    [InlineData("note.txt", "text", "text/plain; charset=utf-8")]
    [InlineData("budget.csv", "csv", "text/csv; charset=utf-8")]
    public async Task Takes_office_documents_images_and_text_by_their_content(string name, string kind, string type)
    {
        var receipt = await _app.FileAsync();

        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, (name, Bytes(kind))));

        Assert.Equal(type, draft.GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData("budget.pdf", "html", HttpStatusCode.UnsupportedMediaType)] // a page that would run in the browser
    [InlineData("budget.pdf", "exe", HttpStatusCode.UnsupportedMediaType)] // a program
    [InlineData("note.txt", "html", HttpStatusCode.UnsupportedMediaType)] // markup is not plain text
    [InlineData("decision.docx", "zip-bomb", HttpStatusCode.UnsupportedMediaType)] // 50 KB that inflate to 50 MB
    [InlineData("empty.pdf", "empty", HttpStatusCode.UnprocessableEntity)]
    [InlineData("../../etc/budget.pdf", "pdf", HttpStatusCode.UnprocessableEntity)]
    [InlineData("bud\u0001get\r\n.pdf", "pdf", HttpStatusCode.UnprocessableEntity)]
    public async Task Refuses_a_hostile_file_naming_it_and_keeps_nothing_of_the_upload(string name, string kind, HttpStatusCode status)
    {
        var receipt = await _app.FileAsync();

        var response = await Officer.PostAsync($"/api/cases/{receipt.TrackingNumber}/documents",
            Files.Multipart(null, ("fine.pdf", Files.Pdf()), (name, Bytes(kind))));

        var problem = await response.ReadProblemAsync(status);
        // named as sent, its control characters shown as '?'
        var named = Assert.Single(problem.ErrorFields());
        Assert.Equal(string.Concat(name.Select(c => char.IsControl(c) ? '?' : c)), named);
        Assert.Contains(named, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.CountAsync("documents"));
        Assert.Empty(_app.Stored());
    }

    [Fact]
    public async Task Refuses_a_file_over_the_limit_with_413_naming_it()
    {
        _app.Settings["Documents:MaxFileBytes"] = "10000";
        var receipt = await _app.FileAsync();

        var response = await Officer.PostAsync($"/api/cases/{receipt.TrackingNumber}/documents",
            Files.Multipart(null, ("annex.pdf", Files.Pdf(1, 10_001))));

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(["annex.pdf"], problem.ErrorFields());
        Assert.Equal(0, await _app.CountAsync("documents"));
        Assert.Empty(_app.Stored());
    }

    [Fact]
    public async Task Refuses_files_over_what_a_case_may_hold()
    {
        _app.Settings["Documents:MaxCaseBytes"] = "5000";
        var receipt = await _app.FileAsync();
        await Officer.UploadAsync(receipt.TrackingNumber, ("first.pdf", Files.Pdf(1, 3000)));

        var response = await Officer.PostAsync($"/api/cases/{receipt.TrackingNumber}/documents",
            Files.Multipart(null, ("second.pdf", Files.Pdf(2, 3000))));

        Assert.Equal(["second.pdf"], (await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).ErrorFields());
        Assert.Equal(1, await _app.CountAsync("documents"));
    }

    [Fact]
    public async Task Lets_only_staff_of_the_case_s_body_upload()
    {
        var receipt = await _app.FileAsync();
        var upload = () => Files.Multipart(null, ("budget.pdf", Files.Pdf()));
        var path = $"/api/cases/{receipt.TrackingNumber}/documents";

        await (await _app.CreateClient().PostAsync(path, upload())).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await _app.StaffClient(StaffRoles.Officer, "CNSS").PostAsync(path, upload())).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await _app.StaffClient(StaffRoles.Ministry).PostAsync(path, upload())).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await _app.CountAsync("documents"));
        Assert.Single(await _app.StaffClient(StaffRoles.Admin).UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));
    }

    [Fact]
    public async Task Withdraws_a_draft_and_deletes_its_bytes()
    {
        var receipt = await _app.FileAsync();
        var draft = Assert.Single(await Officer.UploadAsync(receipt.TrackingNumber, ("budget.pdf", Files.Pdf())));
        var path = $"/api/cases/{receipt.TrackingNumber}/documents/{draft.GetProperty("id").GetString()}";
        Assert.Single(_app.Stored());

        Assert.Equal(HttpStatusCode.NoContent, (await Officer.DeleteAsync(path)).StatusCode);

        Assert.Empty(_app.Stored());
        Assert.Equal(1, await _app.CountAsync("documents", "state = 'withdrawn'"));
        await (await Officer.DeleteAsync(path)).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await Officer.GetAsync(path)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => Files.Pdf(),
        "docx" => Files.Docx(),
        "png" => Files.Png(),
        "text" => "Budget exécuté 2025\r\nLigne 1\tLigne 2\n"u8.ToArray(),
        "csv" => "ligne,montant\nfonctionnement,1200\n"u8.ToArray(),
        "html" => Files.Html(),
        "exe" => Files.Executable(),
        "zip-bomb" => Files.ZipBomb(),
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
