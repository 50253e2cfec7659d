using System.Net;
using System.Text.Json.Nodes;

namespace Requests.Intake.Tests.Publication;

// Requests filed with distinctive personal data, their answers published: no public output carries any of it.
public sealed class Keeping_requesters_out_of_the_public_output : IDisposable
{
    private static readonly (string Name, string Identity, string Email, string Phone, string Address)[] Requesters =
    [
        ("Zineb Ouazzani-Chahdi", "ZX998877", "zineb.chahdi@exemple.ma", "+212 661-998877", "7 impasse des Glycines, Fès"),
        ("نزهة الحسناوي", "QK445566", "nozha.hasnaoui@exemple.ma", "0677 12 34 99", "حي الرياض زنقة 14، الرباط"),
    ];

    private readonly IntakeApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task No_public_endpoint_returns_a_requester_s_name_identity_e_mail_phone_or_address()
    {
        var client = _app.CreateClient();
        var outputs = new List<string>();
        var items = new List<string>();
        foreach (var (r, i) in Requesters.Select((r, i) => (r, i)))
        {
            var form = Forms.Request().With("publishable", true).With("subject", $"Budget des écoles {i}").With("requester", new JsonObject
            {
                ["fullName"] = r.Name, ["identityNumber"] = r.Identity, ["email"] = r.Email, ["phone"] = r.Phone, ["address"] = r.Address,
            });
            var (receipt, document) = await _app.AnsweredAsync(form);
            var published = await Publishing.JsonAsync(await _app.PublishAsync(receipt, Publishing.Publication(document,
                subject: $"Budget des écoles {i}", answer: "Le budget des écoles primaires est joint. ميزانية المدارس مرفقة.")),
                HttpStatusCode.Created);
            items.Add(published.GetProperty("id").GetString()!);
        }
        await _app.AddEntryAsync();

        foreach (var path in new[]
                 {
                     "/api/public/search", "/api/public/search?q=budget", "/api/public/search?q=" + Uri.EscapeDataString("ميزانية"),
                     "/api/public/search.csv", "/api/public/search.csv?q=ecoles", "/api/public/suggest?q=budget%20ec",
                     "/api/public/bodies/MEF", "/api/publication/categories",
                 }.Concat(items.Select(id => $"/api/public/items/answer/{id}")))
            outputs.Add(await OkAsync(client, path));
        foreach (var id in items)
        {
            var item = System.Text.Json.JsonDocument.Parse(await OkAsync(client, $"/api/public/items/answer/{id}")).RootElement;
            foreach (var file in item.GetProperty("files").EnumerateArray())
                outputs.Add(await OkAsync(client, $"/api/public/files/{file.GetProperty("id").GetString()}"));
        }
        // every public output, searched for every requester's data (the phone also by its digits alone)
        var all = string.Join("\n", outputs);
        Assert.Contains("Budget des écoles 1", all, StringComparison.Ordinal);
        foreach (var r in Requesters)
        {
            foreach (var value in new[] { r.Name, r.Identity, r.Email, r.Phone, r.Address, r.Address.Split(',', '،')[0] }
                         .Concat(r.Name.Split(' ', '-')))
                Assert.DoesNotContain(value, all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(string.Concat(r.Phone.Where(char.IsAsciiDigit))[^8..], string.Concat(all.Where(char.IsAsciiDigit)), StringComparison.Ordinal);
        }
    }

    private static async Task<string> OkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
