using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Requests.Harness;

/// <summary>
/// Every endpoint of every service (from their OpenAPI documents, and the few they leave out) called as each kind of
/// caller; each answer compared with the rule README states for it, and the table written to docs/access-matrix.md.
/// </summary>
internal static class AccessMatrix
{
    private static readonly string[] Callers =
        ["anonymous", "citizen, right code", "citizen, wrong code", "officer of the body", "officer of another body", "head", "ministry", "administrator"];

    // In the callers' order. "ok": let through (2xx, or 400, 409, 422 about the input itself); else the status expected.
    private const string Anyone = "ok ok ok ok ok ok ok ok";
    private const string Staff = "401 401 401 ok ok ok ok ok";
    private const string Admin = "401 401 401 403 403 403 403 ok";
    private const string Oversight = "401 401 401 403 403 403 ok ok";
    private const string Citizen = "404 ok 404 404 404 404 404 404";

    /// <summary>The rules of README's endpoint tables, one per endpoint.</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        // intake
        ["intake POST /api/requests"] = Anyone,
        ["intake POST /api/complaints"] = Anyone,
        ["intake GET /api/cases/{trackingNumber}"] = Citizen,
        ["intake POST /api/cases/{trackingNumber}/recourse"] = Citizen,
        ["intake POST /api/cases/{trackingNumber}/reopen"] = Citizen,
        ["intake POST /api/cases/{trackingNumber}/rating"] = Citizen,
        ["intake POST /api/cases/{trackingNumber}/clarification"] = Citizen,
        ["intake POST /api/cases/{trackingNumber}/withdrawal"] = Citizen,
        // staff of the filing's body (administrators: any); the ministry acts on nothing
        ["intake POST /api/staff/requests"] = "401 401 401 ok 403 ok 403 ok",
        ["intake POST /api/staff/complaints"] = "401 401 401 ok 403 ok 403 ok",
        // a case's documents: the citizen with the code lists them; staff of the body upload, list and withdraw; the
        // ministry lists, opens none; a document nobody has is 404 to whoever may look
        ["intake GET /api/cases/{trackingNumber}/documents"] = "404 ok 404 ok 404 ok ok ok",
        ["intake POST /api/cases/{trackingNumber}/documents"] = "401 401 401 ok 404 ok 403 ok",
        ["intake GET /api/cases/{trackingNumber}/documents/{id}"] = "404 404 404 404 404 404 403 404",
        ["intake DELETE /api/cases/{trackingNumber}/documents/{id}"] = "401 401 401 404 404 404 403 404",
        // publication: a body's register and a case's published answer are its staff's to change (another body's case
        // is 404, as a case is; another body's register is 403: it is public anyway) and the ministry's to read; what is
        // published is everyone's; an item or a file nobody published is 404
        ["intake GET /api/bodies/{bodyCode}/register"] = "401 401 401 ok 403 ok ok ok",
        ["intake POST /api/bodies/{bodyCode}/register"] = "401 401 401 ok 403 ok 403 ok",
        ["intake PUT /api/bodies/{bodyCode}/register/{id}"] = "401 401 401 404 403 404 403 404",
        ["intake POST /api/bodies/{bodyCode}/register/{id}/withdraw"] = "401 401 401 ok 403 ok 403 ok",
        ["intake GET /api/cases/{trackingNumber}/publication"] = "401 401 401 ok 404 ok ok ok",
        ["intake POST /api/cases/{trackingNumber}/publication"] = "401 401 401 ok 404 ok 403 ok",
        ["intake DELETE /api/cases/{trackingNumber}/publication"] = "401 401 401 404 404 404 403 404",
        ["intake GET /api/publication/categories"] = Anyone,
        ["intake GET /api/public/search"] = Anyone,
        ["intake GET /api/public/search.csv"] = Anyone,
        ["intake GET /api/public/suggest"] = Anyone,
        ["intake GET /api/public/bodies/{bodyCode}"] = Anyone,
        ["intake GET /api/public/bodies/{bodyCode}/figures"] = Anyone,
        ["intake GET /api/public/items/{kind}/{id}"] = "404 404 404 404 404 404 404 404",
        ["intake GET /api/public/files/{id}"] = "404 404 404 404 404 404 404 404",
        ["intake GET /api/themes"] = Anyone,
        ["intake GET /api/bodies"] = Anyone,
        ["intake GET /api/deadlines"] = Anyone,
        ["intake GET /api/calendar/{year}"] = Anyone,
        ["intake GET /health/live"] = Anyone,
        ["intake GET /health/ready"] = Anyone,
        // routing: accounts
        // an unknown user: 401 whoever calls
        ["routing POST /api/auth/login"] = "401 401 401 401 401 401 401 401",
        ["routing POST /api/auth/refresh"] = "401 401 401 401 401 401 401 401",
        ["routing POST /api/auth/logout"] = Staff,
        ["routing GET /api/auth/me"] = Staff,
        ["routing PUT /api/auth/me/language"] = Staff,
        ["routing GET /.well-known/jwks.json"] = Anyone,
        ["routing GET /.well-known/openid-configuration"] = Anyone,
        ["routing GET /api/accounts"] = Admin,
        ["routing POST /api/accounts"] = Admin,
        ["routing PUT /api/accounts/{userName}"] = Admin,
        ["routing POST /api/accounts/{userName}/disable"] = Admin,
        ["routing POST /api/accounts/{userName}/enable"] = Admin,
        ["routing POST /api/accounts/{userName}/password"] = Admin,
        // routing: cases, seen by the staff of the case's body, the ministry (read) and administrators; others 404
        ["routing GET /api/queue"] = Staff,
        ["routing GET /api/cases/{caseId}"] = "401 401 401 ok 404 ok ok ok",
        ["routing POST /api/cases/{caseId}/{action}"] = "401 401 401 ok 404 ok 403 ok",
        ["routing GET /api/bodies/{code}/overview"] = "401 401 401 ok 404 ok ok ok",
        ["routing GET /api/notifications"] = Staff,
        ["routing POST /api/notifications/{id}/posted"] = "401 401 401 ok 404 ok 403 ok",
        // routing: the directory, its changes (admin) and leaves
        ["routing GET /api/directory/bodies"] = Anyone,
        ["routing GET /api/directory/bodies/{code}"] = Anyone,
        ["routing GET /api/directory/officers/{id}"] = Anyone,
        ["routing POST /api/directory/bodies"] = Admin,
        ["routing PUT /api/directory/bodies/{code}"] = Admin,
        ["routing POST /api/directory/officers"] = Admin,
        ["routing PUT /api/directory/officers/{id}"] = Admin,
        ["routing DELETE /api/directory/officers/{id}"] = "401 401 401 403 403 403 403 404",
        ["routing GET /api/directory/officers/{id}/leaves"] = Staff,
        ["routing POST /api/directory/officers/{id}/leaves"] = Admin,
        ["routing DELETE /api/directory/officers/{id}/leaves/{leaveId}"] = "401 401 401 403 403 403 403 404",
        // routing: the calendar and the jobs
        ["routing GET /api/calendar/{year}"] = Anyone,
        ["routing GET /api/calendar/corrections"] = Oversight,
        ["routing POST /api/calendar/corrections"] = Admin,
        ["routing GET /api/jobs"] = Admin,
        ["routing POST /api/jobs/{name}/run"] = Admin,
        ["routing GET /hangfire"] = Oversight,
        ["routing GET /health/ready"] = Anyone,
        // reporting
        ["reporting POST /api/import"] = Oversight,
        ["reporting GET /api/reports/{year}/synthesis"] = Oversight,
        ["reporting GET /api/reports/{year}/bodies/{bodyCode}"] = "401 401 401 ok 404 ok ok ok",
        ["reporting GET /reports/{year}"] = Oversight,
        ["reporting GET /reports/assets/{file}"] = Anyone,
        ["reporting GET /api/public/bodies/{bodyCode}/figures"] = Anyone,
        ["reporting GET /health/ready"] = Anyone,
    };

    private static readonly object Complaint = new
    {
        kind = "complaint", bodyCode = "MEF", subject = "Waiting time", description = "Three hours at the counter.", theme = "reception",
        language = "fr", consent = true, requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", address = "Rabat" },
    };

    /// <summary>Endpoints the OpenAPI documents leave out.</summary>
    private static readonly string[] Undocumented =
    [
        "intake GET /health/live", "intake GET /health/ready", "routing GET /.well-known/jwks.json",
        "routing GET /.well-known/openid-configuration", "routing GET /hangfire", "routing GET /health/ready", "reporting GET /health/ready",
    ];

    public static async Task<Row> RunAsync(Options options)
    {
        await using var system = await Deployment.StartAsync(options.Data, "access-matrix");
        var services = system.Services.ToDictionary(s => s.Name);
        using var anonymous = Load.Client(system.Intake.Address);
        var (caseId, trackingNumber, accessCode) = await FileAsync(anonymous, "/api/requests", Load.Request("matrix", 0));
        var (_, complaintNumber, complaintCode) = await FileAsync(anonymous, "/api/complaints", Complaint);
        using (var admin = await system.StaffAsync(system.Routing.Address, Deployment.AdminName))
        {
            using var spare = await admin.PostAsJsonAsync("/api/accounts", new
            {
                userName = "matrix.spare", email = "matrix.spare@harness.example.ma", password = Deployment.StaffPassword, role = "officer", officerIds = new[] { "MEF-O2" },
            });
            spare.EnsureSuccessStatusCode();
            // the case reaches routing (its assignment) before the staff's calls
            for (var i = 0; i < 300 && !(await admin.GetAsync($"/api/cases/{caseId}")).IsSuccessStatusCode; i++)
                await Task.Delay(200);
        }

        var endpoints = new SortedSet<string>(Undocumented, StringComparer.Ordinal);
        foreach (var service in system.Services)
        {
            var document = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(service.Address, "/openapi/v1.json"));
            foreach (var path in document.GetProperty("paths").EnumerateObject())
                foreach (var method in path.Value.EnumerateObject())
                    endpoints.Add($"{service.Name} {method.Name.ToUpperInvariant()} {path.Name}");
        }

        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Fill(string endpoint, string path) => path
            .Replace("{trackingNumber}/reopen", $"{complaintNumber}/reopen", StringComparison.Ordinal)
            .Replace("{trackingNumber}/rating", $"{complaintNumber}/rating", StringComparison.Ordinal)
            .Replace("documents/{id}", "documents/00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("register/{id}", "register/00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("{kind}/{id}", "answer/00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("files/{id}", "files/00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("{trackingNumber}", trackingNumber, StringComparison.Ordinal)
            .Replace("{caseId}", caseId, StringComparison.Ordinal)
            .Replace("{action}", "accept", StringComparison.Ordinal)
            .Replace("{code}", "MEF", StringComparison.Ordinal)
            .Replace("{bodyCode}", "MEF", StringComparison.Ordinal)
            .Replace("{userName}", "matrix.spare", StringComparison.Ordinal)
            .Replace("{name}", "deadline-sweep", StringComparison.Ordinal)
            .Replace("{year}", year, StringComparison.Ordinal)
            .Replace("{file}", "report.css", StringComparison.Ordinal)
            .Replace("{leaveId}", "999999", StringComparison.Ordinal)
            // deleting: an officer nobody has, so that the administrator's call removes nothing the next calls need
            .Replace("{id}", endpoint.Contains("DELETE", StringComparison.Ordinal) ? "ZZ-O9" : endpoint.Contains("notifications", StringComparison.Ordinal) ? "1" : "MEF-O2", StringComparison.Ordinal)
            + (endpoint.EndsWith("/api/deadlines", StringComparison.Ordinal) ? "?regime=information&receivedOn=2026-11-20" : "");

        var measured = new Dictionary<(string, int), int>();
        for (var caller = 0; caller < Callers.Length; caller++)
        {
            var clients = new Dictionary<string, HttpClient>();
            foreach (var service in system.Services)
                clients[service.Name] = caller switch
                {
                    < 3 => Load.Client(service.Address),
                    3 => await system.StaffAsync(service.Address, "mef.officer"),
                    4 => await system.StaffAsync(service.Address, "msps.officer"),
                    5 => await system.StaffAsync(service.Address, "mef.head"),
                    6 => await system.StaffAsync(service.Address, "ministry"),
                    _ => await system.StaffAsync(service.Address, Deployment.AdminName),
                };
            foreach (var endpoint in endpoints)
            {
                var parts = endpoint.Split(' ');
                using var request = new HttpRequestMessage(new HttpMethod(parts[1]), new Uri(Fill(endpoint, parts[2]), UriKind.Relative));
                if (parts[1] is "POST" or "PUT")
                    request.Content = Body(endpoint);
                if (caller is 1 or 2)
                {
                    var right = endpoint.Contains("reopen", StringComparison.Ordinal) || endpoint.Contains("rating", StringComparison.Ordinal) ? complaintCode : accessCode;
                    request.Headers.Add("X-Access-Code", caller == 1 ? right : "AAAAA-AAAAA");
                }
                using var response = await clients[parts[0]].SendAsync(request);
                measured[(endpoint, caller)] = (int)response.StatusCode;
            }
            foreach (var client in clients.Values)
                client.Dispose();
        }

        var mismatches = new List<string>();
        var table = new StringBuilder();
        table.AppendLine("# Access matrix").AppendLine()
            .AppendLine("Written by `./harness.sh access-matrix` (tools/Requests.Harness): every endpoint of intake, routing and reporting")
            .AppendLine("(their OpenAPI documents, and the health, key and dashboard endpoints they leave out), called by each kind of")
            .AppendLine("caller. Each cell is the status measured; `ok` was expected where the caller is let through (2xx, or 400, 409,")
            .AppendLine("422 about the input itself), else the status named. A cell marked **✗** differs from the rule.").AppendLine()
            .AppendLine($"| endpoint | {string.Join(" | ", Callers)} |")
            .AppendLine($"|---|{string.Concat(Callers.Select(_ => "---|"))}");
        foreach (var endpoint in endpoints)
        {
            var expected = Expected.TryGetValue(endpoint, out var rule) ? rule.Split(' ') : null;
            var cells = new List<string>();
            for (var caller = 0; caller < Callers.Length; caller++)
            {
                var status = measured[(endpoint, caller)];
                var holds = expected is not null && (expected[caller] == "ok"
                    ? status is >= 200 and < 300 or 400 or 409 or 422
                    : expected[caller] == status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!holds)
                    mismatches.Add($"{endpoint} as {Callers[caller]}: {status}, expected {(expected is null ? "(no rule)" : expected[caller])}");
                cells.Add(holds ? $"{status}" : $"{status} **✗** ({(expected is null ? "no rule" : expected[caller])})");
            }
            table.AppendLine($"| `{endpoint}` | {string.Join(" | ", cells)} |");
        }
        var docs = Path.Combine(Repository(), "docs", "access-matrix.md");
        await File.WriteAllTextAsync(docs, table.ToString());
        foreach (var mismatch in mismatches)
            Console.WriteLine($"    {mismatch}");
        var missing = Expected.Keys.Where(k => !endpoints.Contains(k)).ToList();
        foreach (var rule in missing)
            Console.WriteLine($"    a rule for an endpoint no service has: {rule}");
        return new Row("access matrix", $"{endpoints.Count} endpoints × {Callers.Length} callers",
            $"{endpoints.Count * Callers.Length - mismatches.Count} cells as expected, {mismatches.Count} not" +
            (mismatches.Count > 0 ? $" ({string.Join("; ", mismatches.Take(8))}{(mismatches.Count > 8 ? "; …" : "")})" : "") +
            "; table in docs/access-matrix.md", mismatches.Count == 0 && missing.Count == 0);
    }

    private static async Task<(string CaseId, string TrackingNumber, string AccessCode)> FileAsync(HttpClient intake, string path, object body)
    {
        using var response = await intake.PostAsJsonAsync(path, body);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        if ((int)response.StatusCode != 201)
            throw new InvalidOperationException($"Filing {path}: {(int)response.StatusCode} {receipt}");
        return (receipt.GetProperty("caseId").GetString()!, receipt.GetProperty("trackingNumber").GetString()!, receipt.GetProperty("accessCode").GetString()!);
    }

    /// <summary>A body each write accepts or refuses on its content, so that the status says only who may call it.</summary>
    private static HttpContent Body(string endpoint) => endpoint switch
    {
        _ when endpoint.EndsWith("/api/staff/requests", StringComparison.Ordinal) => JsonContent.Create(new
        {
            bodyCode = "MEF", subject = "Registered at the counter", description = "The budget reports.", delivery = "post", urgent = false,
            language = "fr", consent = true, channel = "counter", receivedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", address = "Rabat" },
        }),
        _ when endpoint.EndsWith("/api/staff/complaints", StringComparison.Ordinal) => JsonContent.Create(new
        {
            kind = "complaint", bodyCode = "MEF", subject = "Registered at the counter", description = "Waiting time.", theme = "reception",
            language = "fr", consent = true, channel = "counter", receivedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            requester = new { fullName = "Amina Alaoui", identityNumber = "AB123456", address = "Rabat" },
        }),
        _ when endpoint.EndsWith("intake POST /api/requests", StringComparison.Ordinal) => JsonContent.Create(Load.Request("matrix", 1)),
        _ when endpoint.EndsWith("intake POST /api/complaints", StringComparison.Ordinal) => JsonContent.Create(Complaint),
        _ when endpoint.EndsWith("/api/auth/login", StringComparison.Ordinal) => JsonContent.Create(new { userName = "nobody.here", password = "not a password" }),
        _ when endpoint.EndsWith("/api/auth/refresh", StringComparison.Ordinal) => JsonContent.Create(new { refreshToken = "not a token" }),
        _ when endpoint.EndsWith("/me/language", StringComparison.Ordinal) => JsonContent.Create(new { language = "fr" }),
        _ when endpoint.EndsWith("/rating", StringComparison.Ordinal) => JsonContent.Create(new { rating = 4 }),
        _ when endpoint.EndsWith("/withdrawal", StringComparison.Ordinal) => JsonContent.Create(new { reason = "Found elsewhere." }),
        _ when endpoint.EndsWith("intake POST /api/cases/{trackingNumber}/documents", StringComparison.Ordinal) => new MultipartFormDataContent
        {
            { new ByteArrayContent("The budget's lines, as asked."u8.ToArray()), "file", "budget.txt" },
        },
        _ when endpoint.Contains("/api/cases/", StringComparison.Ordinal) && endpoint.StartsWith("intake", StringComparison.Ordinal) =>
            JsonContent.Create(new { text = "Please look at it again." }),
        _ when endpoint.EndsWith("/api/import", StringComparison.Ordinal) => new StringContent(
            "case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended\n",
            Encoding.UTF8, "text/csv"),
        _ => JsonContent.Create(new { }),
    };

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Requests.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Requests.sln not found above the harness's build.");
    }
}
