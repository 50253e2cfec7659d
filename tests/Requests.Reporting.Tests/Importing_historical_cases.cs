using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;
using static Requests.Reporting.Tests.HistoricalFile;

namespace Requests.Reporting.Tests;

public sealed class Importing_historical_cases : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Stores_each_row_as_a_case_fact()
    {
        var result = await _app.ImportOkAsync(Year2025);

        Assert.Equal(10, result.GetProperty("rows").GetInt64());
        Assert.Equal(10, result.GetProperty("added").GetInt64());
        Assert.Equal(10, await _app.CountAsync("case_facts", "source = 'import'"));
        Assert.Equal(4, await _app.CountAsync("bodies"));
    }

    [Fact]
    public async Task Changes_nothing_when_the_same_file_is_imported_again()
    {
        await _app.ImportOkAsync(Year2025);
        var facts = await _app.QueryAsync("SELECT * FROM case_facts ORDER BY id");
        var report = (await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2026-03-01")).GetRawText();

        var again = await _app.ImportOkAsync(Year2025);

        Assert.Equal(0, again.GetProperty("added").GetInt64());
        Assert.Equal(Serialize(facts), Serialize(await _app.QueryAsync("SELECT * FROM case_facts ORDER BY id")));
        Assert.Equal(report, (await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2026-03-01")).GetRawText());
    }

    [Fact]
    public async Task Computes_an_empty_due_date_with_the_legal_clock()
    {
        // received Monday 6 January 2025; 20 working days (Law 31.13 art. 16) without 14 January: Tuesday 4 February
        await _app.ImportOkAsync(Of($"D1,information,request,{Mef},portal,,false,2025-01-06,,,,,false"));

        var row = Assert.Single(await _app.QueryAsync("SELECT due_day FROM case_facts"));
        Assert.Equal(new DateOnly(2025, 2, 4).DayNumber, Convert.ToInt32(row["due_day"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Refuses_the_whole_file_and_names_each_bad_line()
    {
        var file = Of(
            $"B1,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,granted,,false",
            $"B2,information,request,{Mef},fax,,false,2025-01-06,2025-02-17,,,,false",
            $"B3,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,refused,,false",
            $"B4,complaint,request,{Mef},portal,,false,2025-01-06,2025-02-17,,,,false",
            $"B5,information,request,{Mef},portal,,false,2025-13-06,2025-02-17,,,,false",
            $"B1,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,,,,false");

        var response = await _app.ImportAsync(file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal([3, 4, 5, 6, 7], errors.EnumerateArray().Select(e => e.GetProperty("line").GetInt64()));
        Assert.Contains("channel", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("refusal_ground", errors[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("twice", errors[4].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _app.CountAsync("case_facts"));
        Assert.Equal(0, await _app.CountAsync("bodies"));
    }

    [Fact]
    public async Task Refuses_a_file_with_another_header()
    {
        var response = await _app.ImportAsync("case_id,regime\nX,information\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"line\":1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Takes_the_file_of_a_form_too()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Year2025));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "2025.csv");

        var response = await _app.Ministry().PostAsync("/api/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10, await _app.CountAsync("case_facts"));
    }

    [Fact]
    public async Task Is_for_the_ministry_and_administrators_only()
    {
        var anonymous = await _app.ImportAsync(Year2025, _app.CreateClient());
        var officer = await _app.ImportAsync(Year2025, _app.StaffClient(StaffRoles.Officer, "MEF"));
        var admin = await _app.ImportAsync(Year2025, _app.StaffClient(StaffRoles.Admin));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal("application/problem+json", officer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Refuses_what_is_not_a_csv_file()
    {
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");

        var response = await _app.Ministry().PostAsync("/api/import", json);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await _app.CountAsync("case_facts"));
    }

    [Fact]
    public async Task Refuses_a_form_that_is_not_one()
    {
        using var notAForm = new ByteArrayContent(Encoding.UTF8.GetBytes(Year2025));
        notAForm.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=zz");

        var response = await _app.Ministry().PostAsync("/api/import", notAForm);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await _app.CountAsync("case_facts"));
    }

    private static string Serialize(List<Dictionary<string, object?>> rows) => JsonSerializer.Serialize(rows);
}
