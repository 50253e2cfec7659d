using Requests.Reporting.Reports;
using static Requests.Reporting.Tests.HistoricalFile;

namespace Requests.Reporting.Tests;

/// <summary>
/// A cell a spreadsheet would read as a formula (=, +, -, @, tab, carriage return first) is written as text with a
/// leading quote; numbers stay numbers, negative ones included; RFC 4180 quoting for commas, quotes and line breaks.
/// </summary>
public sealed class Writing_csv_that_spreadsheets_cannot_run : IDisposable
{
    private readonly ReportingApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+33", "'+33")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("a\rb", "\"a\rb\"")]
    [InlineData("MEF", "MEF")]
    public void Neutralises_text_cells(string text, string cell)
    {
        var csv = ReportCsv.Table("oldest-open", [new OpenCase(text, null, "MEF", new(2025, 1, 6), null, 1)], [], []);

        Assert.Equal($"{cell},,MEF,2025-01-06,,1\n", csv[(csv.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
    }

    [Fact]
    public void Leaves_negative_numbers_as_numbers()
    {
        var csv = ReportCsv.Table("oldest-open", [new OpenCase("C1", "-1", "MEF", new(2025, 1, 6), null, -3)], [], []);

        // the tracking number is text, the days a number
        Assert.EndsWith("\nC1,'-1,MEF,2025-01-06,,-3\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_an_imported_formula_as_text()
    {
        await _app.ImportOkAsync(Of(
            $"=1+2,information,request,@MEF,Ministère,ministry,Rabat,portal,,false,2025-12-01,2026-01-12,,,,false"));
        var client = _app.Ministry();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");

        var oldest = await client.GetStringAsync("/api/reports/2025/synthesis?asOf=2026-03-01&table=oldest-open");
        var figures = await client.GetStringAsync("/api/reports/2025/synthesis?asOf=2026-03-01");

        Assert.Contains("\n'=1+2,,'@MEF,2025-12-01,2026-01-12,90\n", oldest, StringComparison.Ordinal);
        Assert.Contains("\nsector:ministry,'@MEF,1,1,0,", figures, StringComparison.Ordinal);
    }
}
