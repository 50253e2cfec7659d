using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Requests.Intake.Tests.Documents;

namespace Requests.Intake.Tests.Publication;

/// <summary>
/// The same publication on PostgreSQL: the migration's tsvector and GIN index, the search in both languages, files kept
/// in the database, and a withdrawal that leaves the index. Needs the PostgreSQL that <c>./test.sh</c> starts.
/// </summary>
public sealed class Publishing_on_PostgreSQL : IAsyncLifetime, IDisposable
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"intake_publication_{Guid.NewGuid():N}";
    private readonly IntakeApp _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Database:Provider"] = "postgres";
        _app.Settings["ConnectionStrings:Database"] = $"{Server};Database={_database}";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Publishes_searches_serves_and_withdraws_as_on_SQLite()
    {
        var entry = await _app.AddEntryAsync(Publishing.Entry("Organigramme de l'administration", "إدارة الجماعة والمعلومات", "missions-structure"));
        var (receipt, document) = await _app.AnsweredAsync(byApi: true);
        await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document)), HttpStatusCode.Created);

        var arabic = await _app.SearchAsync("q=" + Uri.EscapeDataString("اداره والمعلومات"));
        var french = await _app.SearchAsync("q=execute&kind=answer&year=2026");
        var suggested = await _app.GetJsonAsync("/api/public/suggest?q=budget%20execute");
        using var file = await _app.CreateClient().GetAsync($"/api/public/files/{entry.GetProperty("file").GetProperty("id").GetString()}");
        await Publishing.JsonAsync(await _app.Officer().PostAsJsonAsync($"/api/bodies/MEF/register/{entry.GetProperty("id").GetString()}/withdraw",
            new { reason = "Ancien organigramme." }), HttpStatusCode.OK);
        var afterwards = await _app.SearchAsync("q=" + Uri.EscapeDataString("اداره"));

        Assert.Equal("Organigramme de l'administration", Assert.Single(arabic.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("Budget exécuté de la commune en 2025", Assert.Single(french.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("answer", Assert.Single(suggested.GetProperty("items").EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(Files.Pdf(), await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, afterwards.GetProperty("total").GetInt64());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public void Dispose() => _app.Dispose();
}
