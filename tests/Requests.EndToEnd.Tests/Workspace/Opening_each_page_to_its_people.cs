using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Requests.EndToEnd.Tests.Infrastructure;

namespace Requests.EndToEnd.Tests.Workspace;

/// <summary>
/// The workspace's access matrix: every page asked by each kind of person, signed in through the sign-in form as a
/// browser would (cookie and antiforgery token), on real processes. A page refused is a redirect to the sign-in page
/// (nobody signed in), to the 403 page (the wrong role) or a 404 (another body's case or overview: as if it did not
/// exist).
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed partial class Opening_each_page_to_its_people(StaffWorkspace system)
{
    private static readonly string[] Callers = ["anonymous", "officer", "officer of another body", "head", "ministry", "administrator"];

    // what each caller gets, in the order of Callers: 200, sign-in, 403, 404, or 302 (the role's first page). The
    // ministry reads every body's queue, cases and letters, as routing lets it, and changes none of them.
    private static readonly (string Page, string Expected)[] Pages =
    [
        ("/", "sign-in 302 302 302 302 302"),
        ("/queue", "sign-in 200 200 200 200 200"),
        ("/letters", "sign-in 200 200 200 200 200"),
        ("/cases/{case}", "sign-in 200 404 200 200 200"),
        ("/cases/{unknown}", "sign-in 404 404 404 404 404"),
        ("/bodies/COM-SAFI/overview", "sign-in 404 404 200 200 200"),
        ("/bodies/COM-MEKNES/overview", "sign-in 404 404 404 200 200"),
        ("/ministry", "sign-in 403 403 403 200 200"),
        ("/ministry/{year}/bodies/COM-SAFI", "sign-in 403 403 403 200 200"),
        ("/ministry/{year}/csv", "sign-in 403 403 403 200 200"),
        ("/ministry/import", "sign-in 403 403 403 200 200"),
        ("/admin/directory", "sign-in 403 403 403 403 200"),
        ("/admin/accounts", "sign-in 403 403 403 403 200"),
        ("/admin/calendar", "sign-in 403 403 403 403 200"),
        ("/admin/jobs", "sign-in 403 403 403 403 200"),
    ];

    [Fact]
    public async Task Each_page_opens_to_the_people_it_serves_and_to_nobody_else()
    {
        var passwords = await AccountsAsync();
        var receipt = await system.FileRequestAsync("COM-SAFI", "Budget de la commune de Safi");
        await system.WaitUntilAssignedAsync(receipt.CaseId);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Browser() };
        foreach (var (caller, userName) in Accounts)
            clients[caller] = await SignedInAsync(userName, passwords[userName]);

        var wrong = new List<string>();
        foreach (var (template, expected) in Pages)
        {
            var path = template.Replace("{case}", receipt.CaseId.ToString(), StringComparison.Ordinal)
                .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{year}", DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var cells = expected.Split(' ');
            for (var i = 0; i < Callers.Length; i++)
            {
                var want = cells[i];
                var got = await OutcomeAsync(clients[Callers[i]], path);
                if (got != want)
                    wrong.Add($"{template} as {Callers[i]}: {got}, expected {want}");
            }
        }
        foreach (var client in clients.Values)
            client.Dispose();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static readonly (string Caller, string UserName)[] Accounts =
    [
        ("officer", "youssef.safi"), ("officer of another body", "nadia.meknes"), ("head", "karim.safi"),
        ("ministry", "leila.ministry-matrix"), ("administrator", "omar.admin-matrix"),
    ];

    /// <summary>The two communes with their officers, and an account for each caller.</summary>
    private async Task<Dictionary<string, string>> AccountsAsync()
    {
        foreach (var (code, fr, ar) in new[] { ("COM-SAFI", "Commune de Safi", "جماعة آسفي"), ("COM-MEKNES", "Commune de Meknès", "جماعة مكناس") })
        {
            var created = await system.Admin.PostAsJsonAsync("/api/directory/bodies", new
            {
                code, nameFr = fr, nameAr = ar, sector = "territorial-collectivity", region = "Casablanca-Settat", parentCode = (string?)null,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            foreach (var (id, role) in new[] { ($"{code}-O1", "designated"), ($"{code}-H", "head") })
            {
                var officer = await system.Admin.PostAsJsonAsync("/api/directory/officers", new
                {
                    id, bodyCode = code, fullName = id, email = $"{id.ToLowerInvariant()}@example.ma", role,
                });
                Assert.True(officer.IsSuccessStatusCode, await officer.Content.ReadAsStringAsync());
            }
        }
        using var intake = new HttpClient { BaseAddress = system.Intake.Address };
        await Steps.EventuallyAsync(async () => await intake.GetStringAsync("/api/bodies"),
            bodies => bodies.Contains("COM-SAFI", StringComparison.Ordinal) && bodies.Contains("COM-MEKNES", StringComparison.Ordinal), system.Intake);
        return new Dictionary<string, string>
        {
            ["youssef.safi"] = await system.CreateAccountAsync("youssef.safi", "officer", "COM-SAFI-O1"),
            ["nadia.meknes"] = await system.CreateAccountAsync("nadia.meknes", "officer", "COM-MEKNES-O1"),
            ["karim.safi"] = await system.CreateAccountAsync("karim.safi", "head", "COM-SAFI-H"),
            ["leila.ministry-matrix"] = await system.CreateAccountAsync("leila.ministry-matrix", "ministry"),
            ["omar.admin-matrix"] = await system.CreateAccountAsync("omar.admin-matrix", "admin"),
        };
    }

    private HttpClient Browser() => new(new CookieJar { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
    {
        BaseAddress = system.Staff.Address,
    };

    /// <summary>Keeps cookies as a browser does on localhost, where a <c>Secure</c> cookie goes over http too.</summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    _cookies.Remove(pair[0]);
                else
                    _cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }

    /// <summary>Signs in through the form: its antiforgery token from the page, the cookie kept by the client.</summary>
    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = Browser();
        var form = await client.GetStringAsync("/signin");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var posted = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"Signing in as {userName}: {(int)posted.StatusCode}");
        return client;
    }

    /// <summary>sign-in (a redirect to the sign-in page), 403 (the status or a redirect to the 403 page), or the status.</summary>
    private static async Task<string> OutcomeAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var location = response.Headers.Location?.ToString() ?? "";
        return (int)response.StatusCode switch
        {
            302 when location.Contains("signin", StringComparison.OrdinalIgnoreCase) => "sign-in",
            302 when location.Contains("status=403", StringComparison.Ordinal) => "403",
            var status => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
