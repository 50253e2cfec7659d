using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Requests.Harness;

/// <summary>
/// One generated request: the service, method, path, body and headers. <see cref="MayChange"/>: a well-formed write
/// whose only oddity is in a free-text value or a header, which the system may rightly accept.
/// </summary>
internal sealed record Input(string Service, string Method, string Path, byte[]? Body, string? ContentType,
    IReadOnlyList<(string Name, string Value)> Headers, bool MayChange, string Label);

/// <summary>What the fuzzing needs to aim at: a request and a complaint of MEF with their access codes.</summary>
internal sealed record Targets(string TrackingNumber, string AccessCode, string ComplaintNumber, string ComplaintCode);

/// <summary>Hostile requests from a seeded generator: the same seed gives the same inputs.</summary>
internal sealed partial class HostileInputs(int seed, Targets targets)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Strings =
    [
        "", " ", "\t", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
        "' OR '1'='1", "'; DROP TABLE cases; --", "1; SELECT * FROM staff_users", "\" OR \"\"=\"", "admin'--",
        "\0", "a\0b", "\u0001\u0002\u0003", "\u001b[31mred", "\r\n\r\nX-Injected: 1", "line\nbreak", "\u007f",
        "\u202eevil\u202c", "\u200b\u200c\u200d", "\ufeff", "\ud800", "\udfff", "𝕬𝖒𝖎𝖓𝖆", "Ａｍｉｎａ", "e\u0301\u0301\u0301\u0301",
        "أمينة العلوي", "🙂🙃", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "${jndi:ldap://x/a}",
        "{{7*7}}", "<%= 7*7 %>", "[[access-code:x.AAAA]]", "%s%s%s%n", "=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2+3",
        "NaN", "Infinity", "-1", "0", "99999999999999999999999", "1e309", "2026-02-30", "0001-01-01", "9999-12-31", "true",
        "null", "MEF\0", "mef", "MEF ", "ZZZ", "DAI-2026-000001", "DAI-9999-999999", "K3M9Q-7TZ2W",
    ];

    private static readonly string[] FreeText = ["subject", "description"];

    public Input Next()
    {
        return _random.Next(23) switch
        {
            < 5 => Filing("/api/requests", RequestBody()),
            < 7 => Filing("/api/complaints", ComplaintBody()),
            20 => MultipartFiling(),
            21 or 22 => Documents(),
            7 or 8 => Lookup(),
            9 => Deadlines(),
            10 => Calendar(),
            < 14 => CitizenAction(),
            14 => SignIn(),
            15 => Refresh(),
            16 => Directory(),
            17 => Asset(),
            _ => Import(),
        };
    }

    private string Hostile() => _random.Next(10) switch
    {
        0 => new string((char)_random.Next(0x20, 0x7f), _random.Next(1, 4) * 40_000),
        1 => string.Concat(Enumerable.Range(0, _random.Next(1, 40)).Select(_ => (char)_random.Next(0, 0x20))),
        2 => string.Concat(Enumerable.Range(0, _random.Next(1, 60)).Select(_ => (char)_random.Next(0x80, 0xfffe))),
        _ => Strings[_random.Next(Strings.Length)],
    };

    private JsonNode? HostileNode() => _random.Next(9) switch
    {
        0 => JsonValue.Create(_random.Next(3) switch { 0 => int.MaxValue, 1 => -1L, _ => long.MinValue }),
        1 => JsonValue.Create(1e308),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => null,
        4 => new JsonArray(JsonValue.Create(Hostile()), JsonValue.Create(1)),
        5 => new JsonObject { ["$type"] = "System.Object", ["value"] = Hostile() },
        6 => Deep(_random.Next(10, 200)),
        _ => JsonValue.Create(Hostile()),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create("bottom");
        for (var i = 0; i < depth; i++)
            node = new JsonArray(node);
        return node;
    }

    private static JsonObject RequestBody() => new()
    {
        ["bodyCode"] = "MEF",
        ["subject"] = "Budget execution 2025",
        ["description"] = "The quarterly execution reports.",
        ["delivery"] = "post",
        ["urgent"] = false,
        ["language"] = "fr",
        ["consent"] = true,
        ["requester"] = new JsonObject { ["fullName"] = "Amina Alaoui", ["identityNumber"] = "AB123456", ["address"] = "12 rue des Orangers, Rabat" },
    };

    private static JsonObject ComplaintBody() => new()
    {
        ["kind"] = "complaint",
        ["bodyCode"] = "MEF",
        ["subject"] = "Waiting time",
        ["description"] = "Three hours at the counter.",
        ["theme"] = "reception",
        ["language"] = "ar",
        ["consent"] = true,
        ["requester"] = new JsonObject { ["fullName"] = "Amina Alaoui", ["identityNumber"] = "AB123456", ["address"] = "12 rue des Orangers, Rabat" },
    };

    /// <summary>A filing whose body is mutated one way: a value, the structure, the bytes, the content type or the headers.</summary>
    private Input Filing(string path, JsonObject body)
    {
        var mayChange = false;
        string label;
        byte[] bytes;
        var contentType = "application/json";
        var headers = new List<(string, string)>();
        switch (_random.Next(12))
        {
            case 0 or 1:
                var text = FreeText[_random.Next(FreeText.Length)];
                var value = Strings[_random.Next(Strings.Length)];
                body[text] = value;
                mayChange = true;
                label = $"{text}={Show(value)}";
                bytes = Utf8(body.ToJsonString());
                break;
            case 2 or 3:
                var field = Field(body);
                var node = HostileNode();
                label = $"{field.Name}:{Show(node?.ToJsonString() ?? "null")}";
                mayChange = Valid(field.Name, field.Owner[field.Name], node);
                field.Owner[field.Name] = node;
                bytes = Utf8(body.ToJsonString());
                break;
            case 4:
                var removed = Field(body);
                removed.Owner.Remove(removed.Name);
                label = $"without {removed.Name}";
                mayChange = removed.Name == "urgent";
                bytes = Utf8(body.ToJsonString());
                break;
            case 5:
                var key = Hostile();
                body["x" + key[..Math.Min(20, key.Length)]] = Hostile();
                label = "unknown field";
                bytes = Utf8(body.ToJsonString());
                break;
            case 6:
                var json = body.ToJsonString();
                var cut = _random.Next(json.Length);
                label = $"truncated at {cut}";
                bytes = Utf8(json[..cut]);
                break;
            case 7:
                (label, bytes, mayChange) = _random.Next(8) switch
                {
                    0 => ("empty", [], false),
                    1 => ("null", Utf8("null"), false),
                    2 => ("an array", Utf8("[]"), false),
                    3 => ("5,000 nested arrays", Utf8(new string('[', 5000) + new string(']', 5000)), false),
                    4 => ("a byte-order mark first", [0xef, 0xbb, 0xbf, .. Utf8(body.ToJsonString())], true),
                    5 => ("subject twice", [.. Utf8(body.ToJsonString()[..^1]), .. Utf8(",\"subject\":\"twice\"}")], true),
                    6 => ("invalid UTF-8", [0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe], false),
                    _ => ("an escaped NUL in the subject", Utf8(new JsonObject(body.Select(p => KeyValuePair.Create(p.Key, p.Key == "subject" ? JsonValue.Create("Bud\0get") : p.Value?.DeepClone()))).ToJsonString()), false),
                };
                break;
            case 8:
                (contentType, label) = _random.Next(6) switch
                {
                    0 => ("text/plain", "text/plain"),
                    1 => ("application/x-www-form-urlencoded", "form"),
                    2 => ("application/xml", "xml"),
                    3 => ("multipart/form-data; boundary=x", "multipart"),
                    // RFC 8259: JSON is UTF-8 and a charset parameter "has no effect on compliant recipients"
                    4 => ("application/json; charset=utf-16", "utf-16 declared"),
                    _ => (null!, "no content type"),
                };
                mayChange = label == "utf-16 declared";
                bytes = Utf8(body.ToJsonString());
                break;
            case 9:
                bytes = Utf8(body.ToJsonString());
                headers.Add(("Content-Encoding", "gzip"));
                label = "gzip declared, not gzip";
                mayChange = true;
                break;
            default:
                bytes = Utf8(body.ToJsonString());
                var forged = Forged();
                headers.Add(forged);
                label = $"{forged.Item1}: {Show(forged.Item2)}";
                mayChange = true;
                break;
        }
        return new Input("intake", "POST", path, bytes, contentType, headers, mayChange, $"{path} {label}");
    }

    /// <summary>Whether <paramref name="node"/> may stand where <paramref name="original"/> was: a text for a text, without a
    /// control character (tab and line breaks in the free texts); true or false for a flag; nothing for urgent (not urgent).
    /// Lengths and closed lists aside: the service may still refuse it, which is checked like any refusal.</summary>
    private static bool Valid(string name, JsonNode? original, JsonNode? node)
    {
        if (node is null)
            return name == "urgent";
        if (original is not JsonValue was || node is not JsonValue value)
            return false;
        var (kind, wasKind) = (value.GetValueKind(), was.GetValueKind());
        if (kind is JsonValueKind.True or JsonValueKind.False)
            return wasKind is JsonValueKind.True or JsonValueKind.False;
        var multiLine = name is "description" or "address";
        return kind == JsonValueKind.String && wasKind == JsonValueKind.String
            && !value.GetValue<string>().Any(c => char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'));
    }

    private (JsonObject Owner, string Name) Field(JsonObject body)
    {
        var names = body.Select(p => p.Key).ToList();
        var name = names[_random.Next(names.Count)];
        if (name == "requester" && body[name] is JsonObject requester && _random.Next(2) == 0)
        {
            var inner = requester.Select(p => p.Key).ToList();
            return (requester, inner[_random.Next(inner.Count)]);
        }
        return (body, name);
    }

    private (string, string) Forged() => _random.Next(9) switch
    {
        0 => ("X-Forwarded-For", $"{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(256)}"),
        1 => ("X-Forwarded-For", string.Join(", ", Enumerable.Range(0, _random.Next(2, 500)).Select(i => $"10.0.{i % 256}.1"))),
        2 => ("X-Forwarded-For", HeaderSafe(Hostile())),
        3 => ("X-Forwarded-Host", "evil.example"),
        4 => ("X-Forwarded-Proto", "https"),
        5 => ("X-HTTP-Method-Override", "DELETE"),
        6 => ("Authorization", "Bearer " + ForgedToken()),
        7 => ("Cookie", "requests.workspace=" + new string('A', _random.Next(10, 4000))),
        _ => ("X-Real-IP", "::1"),
    };

    /// <summary>A token that claims to be the administrator's: unsigned (alg none) or signed with nobody's key.</summary>
    private string ForgedToken()
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = _random.Next(2) == 0 ? """{"alg":"none","typ":"JWT"}""" : """{"alg":"HS256","typ":"JWT"}""";
        var payload = $$"""{"sub":"1","name":"admin","role":"admin","requests:body":"MEF","iss":"requests-routing","aud":"requests","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""";
        return $"{B64(header)}.{B64(payload)}.{(header.Contains("none", StringComparison.Ordinal) ? "" : B64("signature"))}";
    }

    private Input Lookup()
    {
        var (number, code) = _random.Next(4) switch
        {
            0 => (targets.TrackingNumber, Hostile()),
            1 => (Hostile(), targets.AccessCode),
            2 => (targets.TrackingNumber, targets.AccessCode.ToLowerInvariant()),
            _ => (Hostile(), Hostile()),
        };
        return new Input("intake", "GET", $"/api/cases/{Segment(number)}", null, null,
            [("X-Access-Code", HeaderSafe(code))], false, $"lookup {Show(number)} code {Show(code)}");
    }

    private Input Deadlines()
    {
        string[] keys = ["regime", "receivedOn", "urgent", "extended", "step"];
        var query = string.Join('&', keys.Where(_ => _random.Next(3) > 0).Select(k => $"{k}={Uri.EscapeDataString(Cut(Hostile()))}"));
        if (_random.Next(3) == 0)
            query += "&regime=information&receivedOn=2026-11-20";
        return new Input("intake", "GET", $"/api/deadlines?{query}", null, null, [], false, $"deadlines ?{Show(query)}");
    }

    private Input Calendar()
    {
        var year = _random.Next(4) switch
        {
            0 => "-1",
            1 => "2147483648",
            2 => _random.Next(-100_000, 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => Segment(Hostile()),
        };
        return new Input(_random.Next(2) == 0 ? "intake" : "routing", "GET", $"/api/calendar/{year}", null, null, [], false, $"calendar {Show(year)}");
    }

    private Input CitizenAction()
    {
        string[] actions = ["recourse", "reopen", "rating", "clarification", "withdrawal"];
        var action = actions[_random.Next(actions.Length)];
        var complaint = action is "reopen" or "rating";
        var (number, rightCode) = complaint ? (targets.ComplaintNumber, targets.ComplaintCode) : (targets.TrackingNumber, targets.AccessCode);
        var right = _random.Next(3) == 0;
        var code = right ? rightCode : _random.Next(2) == 0 ? Hostile() : "AAAAA-AAAAA";
        var body = action switch
        {
            "rating" => new JsonObject { ["rating"] = HostileNode(), ["comment"] = Hostile() },
            "withdrawal" => new JsonObject { ["reason"] = HostileNode() },
            _ => new JsonObject { ["text"] = HostileNode() },
        };
        var bytes = _random.Next(6) == 0 ? Utf8(body.ToJsonString()[..^1]) : Utf8(body.ToJsonString());
        return new Input("intake", "POST", $"/api/cases/{number}/{action}", bytes, _random.Next(8) == 0 ? "text/plain" : "application/json",
            [("X-Access-Code", HeaderSafe(code))], right, $"{action} code {(right ? "right" : Show(code))} {Show(body.ToJsonString())}");
    }

    private Input SignIn()
    {
        // never a real account's name: wrong passwords against it would lock it (the lockout is its own finding)
        var body = new JsonObject { ["userName"] = HostileNode(), ["password"] = HostileNode() };
        var bytes = _random.Next(5) == 0 ? Utf8("{\"userName\":") : Utf8(body.ToJsonString());
        var headers = _random.Next(3) == 0 ? new List<(string, string)> { Forged() } : [];
        var query = _random.Next(4) == 0 ? "?useCookies=" + Uri.EscapeDataString(Cut(Hostile())) : "";
        return new Input("routing", "POST", "/api/auth/login" + query, bytes, _random.Next(6) == 0 ? "text/plain" : "application/json",
            headers, false, $"login {Show(body.ToJsonString())}");
    }

    private Input Refresh()
    {
        var body = new JsonObject { ["refreshToken"] = HostileNode() };
        return new Input("routing", "POST", "/api/auth/refresh", Utf8(body.ToJsonString()), "application/json", [], false,
            $"refresh {Show(body.ToJsonString())}");
    }

    private Input Directory()
    {
        var path = _random.Next(3) switch
        {
            0 => $"/api/directory/bodies/{Segment(Hostile())}",
            1 => $"/api/directory/officers/{Segment(Hostile())}",
            _ => $"/api/bodies/{Segment(Hostile())}/overview",
        };
        return new Input("routing", "GET", path, null, null, _random.Next(2) == 0 ? [Forged()] : [], false, Show(path));
    }

    private Input Asset()
    {
        var file = _random.Next(3) == 0 ? "..%2F..%2Fappsettings.json" : Segment(Hostile());
        return new Input("reporting", "GET", $"/reports/assets/{file}", null, null, [], false, $"asset {Show(file)}");
    }

    private Input Import()
    {
        const string Header = "case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended";
        string[] good = ["H-1", "information", "request", "MEF", "Ministère", "ministry", "Rabat-Salé-Kénitra", "portal", "", "false",
            "2019-03-04", "", "2019-03-20", "granted", "", "false"];
        var cells = (string[])good.Clone();
        cells[0] = $"H-{_random.Next(1_000_000)}";
        var hits = _random.Next(1, 4);
        for (var i = 0; i < hits; i++)
            cells[_random.Next(cells.Length)] = Cut(Hostile()).Replace(",", "\",\"", StringComparison.Ordinal);
        var text = _random.Next(6) switch
        {
            0 => string.Join(',', cells),
            1 => Header.Replace("case_id", Hostile(), StringComparison.Ordinal) + "\n" + string.Join(',', good),
            2 => Header + "\n\"" + string.Join(',', cells),
            3 => Header + "\n" + string.Join(',', cells) + ",extra,columns",
            _ => Header + "\n" + string.Join(',', cells),
        };
        var contentType = _random.Next(8) switch { 0 => "application/json", 1 => "multipart/form-data; boundary=zz", _ => "text/csv" };
        return new Input("reporting", "POST", "/api/import", Utf8(text), contentType,
            [("Authorization", "Bearer " + MinistryToken)], true, $"import {Show(text)} as {contentType}");
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false, false).GetBytes(text);

    private static string Cut(string text) => text.Length > 3000 ? text[..3000] : text;

    private static string Segment(string text) => Uri.EscapeDataString(Cut(text.Replace("\ud800", "x", StringComparison.Ordinal).Replace("\udfff", "x", StringComparison.Ordinal)));

    /// <summary>Headers carry Latin-1 only: anything else is sent percent-encoded.</summary>
    private static string HeaderSafe(string text) => text.All(c => c is >= ' ' and < '\u007f') ? Cut(text) : Segment(text);

    /// <summary>An input shown in a report: escaped, and cut to a readable length.</summary>
    public static string Show(string text)
    {
        var escaped = string.Concat(text.Take(80).Select(c => c < ' ' || c is >= '\u007f' and < '\u00a0' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > 80 ? $"{escaped}…({text.Length} chars)" : escaped;
    }
}
