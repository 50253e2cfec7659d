using System.Net;
using System.Text.Json;
using Requests.ServiceDefaults.Auth;

namespace Requests.Reporting.Tests;

public sealed class Reading_reports : IAsyncLifetime, IDisposable
{
    private readonly ReportingApp _app = new();

    public async Task InitializeAsync() => await _app.ImportOkAsync(HistoricalFile.Year2025);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Gives_a_body_its_own_figures_and_its_complaints_by_theme()
    {
        var report = await _app.GetJsonAsync("/api/reports/2025/bodies/ONEE?asOf=2026-03-01");

        var figures = report.GetProperty("figures");
        Assert.Equal(3, figures.GetProperty("received").GetInt64()); // C4, C5, C7
        Assert.Equal(3, figures.GetProperty("answered").GetInt64());
        Assert.Equal(30.3m, figures.GetProperty("calendarDays").GetProperty("average").GetDecimal()); // (21 + 63 + 7) / 3
        Assert.Equal(21m, figures.GetProperty("calendarDays").GetProperty("median").GetDecimal());
        Assert.Equal(["water", "billing"], report.GetProperty("complaintsByTheme").EnumerateArray().Select(t => t.GetProperty("key").GetString()));
        Assert.Equal("public-establishment", report.GetProperty("sector").GetString());
    }

    [Fact]
    public async Task Lets_officers_and_heads_read_their_own_bodys_report_only()
    {
        var own = await _app.StaffClient(StaffRoles.Officer, "MEF").GetAsync("/api/reports/2025/bodies/MEF");
        var head = await _app.StaffClient(StaffRoles.Head, "MEF").GetAsync("/api/reports/2025/bodies/MEF");
        var other = await _app.StaffClient(StaffRoles.Officer, "MEF").GetAsync("/api/reports/2025/bodies/ONEE");
        var synthesis = await _app.StaffClient(StaffRoles.Head, "MEF").GetAsync("/api/reports/2025/synthesis");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, synthesis.StatusCode);
        Assert.Equal("application/problem+json", synthesis.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Asks_for_a_staff_token()
    {
        var anonymous = _app.CreateClient();

        foreach (var path in new[] { "/api/reports/2025/synthesis", "/api/reports/2025/bodies/MEF", "/reports/2025" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Answers_not_found_for_an_unknown_body_and_bad_request_for_a_bad_date()
    {
        var unknown = await _app.Ministry().GetAsync("/api/reports/2025/bodies/NOPE");
        var badDate = await _app.Ministry().GetAsync("/api/reports/2025/synthesis?asOf=2025-02-30");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Takes_today_as_the_as_of_date_by_default()
    {
        // the app's clock says 1 March 2026
        var byDefault = await _app.GetJsonAsync("/api/reports/2025/synthesis");

        Assert.Equal("2026-03-01", byDefault.GetProperty("asOf").GetString());
        Assert.Equal((await _app.GetJsonAsync("/api/reports/2025/synthesis?asOf=2026-03-01")).GetRawText(), byDefault.GetRawText());
    }

    [Fact]
    public async Task Gives_the_same_tables_as_csv()
    {
        var client = _app.Ministry();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        var response = await client.GetAsync("/api/reports/2025/synthesis?asOf=2026-03-01");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("table,key,rank,received,answered,response_rate,", lines[0], StringComparison.Ordinal);
        Assert.Equal("national,all,,9,7,77.8,5,71.4,2,1,30.4,21.0,63,7,63,21.0,14.0,42,5,42", lines[1]);
        Assert.Contains("sector:ministry,MJ,1,1,1,100.0,1,100.0,0,0,7.0,7.0,7,7,7,5.0,5.0,5,5,5", lines);
        Assert.Contains(lines, l => l.StartsWith("refusal-ground,national-defence,,1,1,", StringComparison.Ordinal));

        var body = await client.GetAsync("/api/reports/2025/bodies/ONEE?asOf=2026-03-01");
        Assert.Contains("complaints-by-theme,water,,1,1,100.0", await body.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gives_the_oldest_open_cases_monthly_volumes_and_delays_as_csv_tables()
    {
        var client = _app.Ministry();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        var oldest = await client.GetStringAsync("/api/reports/2025/synthesis?asOf=2026-03-01&table=oldest-open");
        var monthly = await client.GetStringAsync("/api/reports/2025/synthesis?asOf=2026-03-01&table=monthly");
        var delays = await client.GetStringAsync("/api/reports/2025/synthesis?asOf=2026-03-01&table=delays");
        var unknown = await client.GetAsync("/api/reports/2025/synthesis?table=everything");

        Assert.Equal("case_id,tracking_number,body_code,received_on,due_on,days_open\nC6,,MEF,2025-12-01,2026-01-12,90\nC8,,CFES,2025-12-20,2026-03-31,71\n", oldest);
        Assert.Contains("\n5,1,2\n", monthly, StringComparison.Ordinal); // May: C9 received; C3 and C9 answered
        Assert.StartsWith("from_days,to_days,answered\n0,10,3\n", delays, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Shows_a_printable_page_with_charts_served_by_the_service_itself()
    {
        var response = await _app.Ministry().GetAsync("/reports/2025?asOf=2026-03-01");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var chart in new[] { "chart-sector-rate", "chart-sector-delay", "chart-monthly", "chart-delays" })
            Assert.Contains($"id=\"{chart}\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/reports/assets/chart.umd.min.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("@media print", await _app.CreateClient().GetStringAsync("/reports/assets/report.css"), StringComparison.Ordinal);
        Assert.Contains("77.8 %", html, StringComparison.Ordinal);
        var data = html[(html.IndexOf("id=\"report-data\">", StringComparison.Ordinal) + 17)..];
        var embedded = JsonDocument.Parse(data[..data.IndexOf("</script>", StringComparison.Ordinal)]).RootElement;
        Assert.Equal(9, embedded.GetProperty("national").GetProperty("received").GetInt64());

        foreach (var script in new[] { "chart.umd.min.js", "report.js" })
        {
            var asset = await _app.CreateClient().GetAsync($"/reports/assets/{script}");
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/reports/assets/..%2Fappsettings.json")).StatusCode);
    }
}
