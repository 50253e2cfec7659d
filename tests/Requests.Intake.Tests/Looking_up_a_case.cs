using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Requests.Intake.Tests;

public sealed class Looking_up_a_case : IDisposable
{
    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Shows_the_status_the_due_date_and_a_timeline_that_starts_with_the_receipt()
    {
        var receipt = await FileAsync();

        var response = await LookUpAsync(receipt.TrackingNumber, receipt.AccessCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(receipt.TrackingNumber, view.GetProperty("trackingNumber").GetString());
        Assert.Equal("received", view.GetProperty("status").GetString());
        Assert.Equal("2026-11-24", view.GetProperty("dueDate").GetString());
        var first = view.GetProperty("timeline")[0];
        Assert.Equal("received", first.GetProperty("kind").GetString());
        Assert.Equal(receipt.ReceivedAt, first.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("2026-11-24", first.GetProperty("dueOn").GetString());
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("no dash")]
    [InlineData("lower, no dash")]
    public async Task Accepts_the_code_as_a_citizen_might_type_it(string how)
    {
        var receipt = await FileAsync();
        var code = how switch
        {
            "lower" => receipt.AccessCode.ToLowerInvariant(),
            "no dash" => receipt.AccessCode.Replace("-", "", StringComparison.Ordinal),
            _ => receipt.AccessCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(),
        };

        var response = await LookUpAsync(receipt.TrackingNumber.ToLowerInvariant(), code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Answers_the_same_404_whether_the_code_is_wrong_or_missing_or_the_case_unknown()
    {
        var mine = await FileAsync();
        var other = await FileAsync();

        string[] answers =
        [
            await NotFoundAsync(mine.TrackingNumber, other.AccessCode),
            await NotFoundAsync(mine.TrackingNumber, "00000-00000"),
            await NotFoundAsync(mine.TrackingNumber, null),
            await NotFoundAsync(mine.TrackingNumber, ""),
            await NotFoundAsync("DAI-2026-999999", mine.AccessCode),
            await NotFoundAsync("nothing-like-a-number", mine.AccessCode),
        ];

        Assert.Single(answers.Distinct());
        Assert.DoesNotContain("DAI-2026", answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_only_a_hash_of_the_access_code_keyed_with_a_secret_outside_the_database()
    {
        var receipt = await FileAsync();
        var plain = receipt.AccessCode.Replace("-", "", StringComparison.Ordinal);

        var row = Assert.Single(await _app.QueryAsync("SELECT * FROM cases"));

        // HMAC-SHA256 of the code's SHA-256, under the key file only its owner may read
        var keyFile = _app.Settings["Intake:AccessCodeKeyFile"]!;
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var key = await File.ReadAllBytesAsync(keyFile);
        Assert.Equal(32, key.Length);
        byte[] expected = [1, .. HMACSHA256.HashData(key, SHA256.HashData(Encoding.UTF8.GetBytes(plain)))];
        Assert.Equal(expected, row["access_code_hash"]);
        foreach (var value in row.Values.OfType<string>())
        {
            Assert.DoesNotContain(plain, value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(receipt.AccessCode, value, StringComparison.OrdinalIgnoreCase);
        }
        // nor anywhere in the database or its write-ahead log, in any table
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_app.DatabaseFile)!))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(receipt.AccessCode)) < 0, file);
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(plain)) < 0, file);
        }
    }

    [Fact]
    public async Task Keys_the_bare_hashes_stored_before_at_the_next_start_and_the_same_codes_still_open_their_cases()
    {
        var receipt = await FileAsync();
        var plain = receipt.AccessCode.Replace("-", "", StringComparison.Ordinal);
        await using (var connection = _app.OpenDatabase())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE cases SET access_code_hash = $hash";
            command.Parameters.AddWithValue("$hash", SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
            await command.ExecuteNonQueryAsync();
        }

        await using var restarted = await _app.RestartAsync();

        var row = Assert.Single(await restarted.QueryAsync("SELECT access_code_hash FROM cases"));
        Assert.Equal(33, ((byte[])row["access_code_hash"]!).Length);
        using var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{receipt.TrackingNumber}");
        lookup.Headers.Add("X-Access-Code", receipt.AccessCode.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, (await restarted.CreateClient().SendAsync(lookup)).StatusCode);
    }

    private async Task<FiledReceipt> FileAsync() =>
        await (await _app.PostJsonAsync("/api/requests", Forms.Request())).ReadReceiptAsync();

    private async Task<HttpResponseMessage> LookUpAsync(string trackingNumber, string? code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{trackingNumber}");
        if (code is not null)
            request.Headers.Add("X-Access-Code", code);
        return await _app.CreateClient().SendAsync(request);
    }

    /// <summary>The 404 problem without its trace id, which differs for every request.</summary>
    private async Task<string> NotFoundAsync(string trackingNumber, string? code)
    {
        var problem = await (await LookUpAsync(trackingNumber, code)).ReadProblemAsync(HttpStatusCode.NotFound);
        return string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }
}
