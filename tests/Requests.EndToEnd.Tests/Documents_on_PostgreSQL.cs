using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests;

/// <summary>
/// Intake on PostgreSQL keeps documents in its database (so that every instance serves them): a complaint's file of a
/// few MiB is stored in 1 MiB rows, streamed back whole to the citizen, and a refused file leaves no row.
/// </summary>
public sealed class Documents_on_PostgreSQL : IAsyncLifetime
{
    private static string Server => Environment.GetEnvironmentVariable("REQUESTS_POSTGRES") ?? "Host=127.0.0.1;Port=5442;Username=postgres";

    private readonly string _database = $"intake_docs_{Guid.NewGuid():N}";
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.CreateVirtualHostAsync();

    [Fact]
    public async Task A_complaint_s_file_is_kept_in_the_database_and_read_back_whole()
    {
        await using var intake = await IntakeProcess.StartAsync($"{Server};Database={_database}", _broker);
        using var http = new HttpClient { BaseAddress = intake.Address };
        var file = new byte[3 * 1024 * 1024 + 100];
        new Random(7).NextBytes(file);
        "%PDF-1.7\n"u8.CopyTo(file);

        var response = await http.PostAsync("/api/complaints", Form(("constat.pdf", file)));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (number, code) = (receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("accessCode").GetString()!);

        Assert.Equal(4L, await CountAsync("document_chunks"));
        using var list = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{number}/documents") { Headers = { { "X-Access-Code", code } } };
        var id = (await (await http.SendAsync(list)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents")[0].GetProperty("id").GetString();
        using var download = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{number}/documents/{id}") { Headers = { { "X-Access-Code", code } } };
        using var answer = await http.SendAsync(download);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(file, await answer.Content.ReadAsByteArrayAsync());

        var refused = await http.PostAsync("/api/complaints", Form(("constat.pdf", Encoding.UTF8.GetBytes("<html><script></script></html>"))));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal((4L, 1L, 1L), (await CountAsync("document_chunks"), await CountAsync("documents"), await CountAsync("cases")));
    }

    private static MultipartFormDataContent Form((string Name, byte[] Bytes) file) => new()
    {
        { new StringContent(JsonSerializer.Serialize(new
        {
            kind = "complaint", bodyCode = "MEF", subject = "Fuite d'eau", description = "Une canalisation fuit devant l'école.",
            theme = "water", language = "fr", consent = true,
            requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", email = "amina@test.example.ma" },
        }), Encoding.UTF8, "application/json"), "form" },
        { new ByteArrayContent(file.Bytes), "file", file.Name },
    };

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection($"{Server};Database={_database}");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"{Server};Database=postgres");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
