using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Requests.Harness;

/// <summary>
/// Hostile multipart filings and document requests: files whose content lies about their name, empty files, names
/// with paths and control characters, a zip bomb dressed as a document, too many parts, broken multipart bodies, and
/// the document endpoints asked with wrong codes, other roles' tokens and unknown ids.
/// </summary>
internal sealed partial class HostileInputs
{
    /// <summary>Stands for a live token in an Authorization header; the fuzzing puts the current one in when it sends.</summary>
    public const string OfficerToken = "@officer", MinistryToken = "@ministry";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static readonly Lazy<byte[]> ZipBomb = new(() =>
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++)
                document.Write(zeros);
        }
        return buffer.ToArray();
    });

    /// <summary>One file part: its name, declared type and bytes; whether the system may rightly keep it.</summary>
    private (string Name, string Type, byte[] Bytes, bool Good, string Label) HostileFile() => _random.Next(10) switch
    {
        0 => ("letter.pdf", "application/pdf", Utf8("<html><script>alert(1)</script></html>"), false, "html named .pdf"),
        1 => ("scan.pdf", "application/pdf", [0x4d, 0x5a, 0x90, 0x00, .. new byte[200]], false, "executable named .pdf"),
        2 => ("empty.pdf", "application/pdf", [], false, "0 bytes"),
        3 => ("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZipBomb.Value, false, "zip bomb as .docx"),
        4 => ("../../../etc/passwd.pdf", "application/pdf", Pdf, true, "name with ../"),
        5 => ("a\u0001b\u001b[31m.pdf", "application/pdf", Pdf, true, "name with control characters"),
        6 => ("photo.png", "image/png", [0x89, 0x50, 0x4e, 0x47, .. Utf8("<svg onload=alert(1)>")], false, "broken png"),
        7 => (Hostile(), "application/pdf", Pdf, true, "hostile name"),
        8 => ("page.svg", "image/svg+xml", Utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), false, "svg"),
        _ => ("answer.pdf", "application/pdf", Pdf, true, "a good pdf"),
    };

    /// <summary>A complaint, a clarification answer or a recourse sent as multipart, with a hostile file or a broken body.</summary>
    private Input MultipartFiling()
    {
        var (path, form, code) = _random.Next(3) switch
        {
            0 => ("/api/complaints", ComplaintBody().ToJsonString(), (string?)null),
            1 => ($"/api/cases/{targets.TrackingNumber}/clarification", new JsonObject { ["text"] = "Here it is." }.ToJsonString(), targets.AccessCode),
            _ => ($"/api/cases/{targets.TrackingNumber}/recourse", new JsonObject { ["text"] = "No answer came." }.ToJsonString(), targets.AccessCode),
        };
        var boundary = "----harness" + _random.Next(1_000_000);
        var parts = new List<(string Headers, byte[] Bytes)> { (FormPart("form", null, "application/json"), Utf8(form)) };
        bool good;
        string label;
        switch (_random.Next(8))
        {
            case < 4:
                var file = HostileFile();
                parts.Add((FormPart("file", file.Name, file.Type), file.Bytes));
                (good, label) = (file.Good, file.Label);
                break;
            case 4:
                for (var i = 0; i < 25; i++)
                    parts.Add((FormPart("file", $"page{i}.pdf", "application/pdf"), Pdf));
                (good, label) = (false, "25 files");
                break;
            case 5:
                parts[0] = (FormPart("form", null, "application/json"), Utf8(form[..(form.Length / 2)]));
                parts.Add((FormPart("file", "answer.pdf", "application/pdf"), Pdf));
                (good, label) = (false, "form part cut in half");
                break;
            case 6:
                parts.RemoveAt(0);
                parts.Add((FormPart("file", "answer.pdf", "application/pdf"), Pdf));
                (good, label) = (false, "no form part");
                break;
            default:
                // the content decides, not the declared type: a real PDF may rightly be kept
                parts.Add((FormPart("file", "answer.pdf", "application/pdf\r\nContent-Type: text/html"), Pdf));
                (good, label) = (true, "injected part header");
                break;
        }
        var body = Multipart(boundary, parts);
        var contentType = $"multipart/form-data; boundary={boundary}";
        switch (_random.Next(6))
        {
            case 0:
                body = body[..(body.Length * 2 / 3)];
                (good, label) = (false, label + ", body cut short");
                break;
            case 1:
                contentType = "multipart/form-data; boundary=not-the-one";
                (good, label) = (false, label + ", wrong boundary");
                break;
            case 2:
                contentType = "multipart/form-data";
                (good, label) = (false, label + ", no boundary");
                break;
        }
        var headers = code is null ? new List<(string, string)>() : [("X-Access-Code", code)];
        return new Input("intake", "POST", path, body, contentType, headers, good, $"{path} multipart {label}");
    }

    /// <summary>The document endpoints: wrong codes, other roles, forged tokens, unknown ids, hostile uploads by staff.</summary>
    private Input Documents()
    {
        var number = _random.Next(4) == 0 ? Segment(Hostile()) : targets.TrackingNumber;
        var path = $"/api/cases/{number}/documents";
        switch (_random.Next(5))
        {
            case 0:
                var code = _random.Next(2) == 0 ? targets.AccessCode.ToLowerInvariant() : HeaderSafe(Hostile());
                return new Input("intake", "GET", path, null, null, [("X-Access-Code", code)], false, $"documents {Show(number)} code {Show(code)}");
            case 1:
                var id = _random.Next(2) == 0 ? Guid.NewGuid().ToString() : Segment(Hostile());
                var who = _random.Next(3) switch
                {
                    0 => ("X-Access-Code", targets.AccessCode),
                    1 => ("Authorization", "Bearer " + MinistryToken),
                    _ => ("Authorization", "Bearer " + OfficerToken),
                };
                return new Input("intake", "GET", $"{path}/{id}", null, null, [who], false, $"document {Show(id)} as {who.Item1}");
            case 2:
                var withdrawn = Guid.NewGuid().ToString();
                var token = _random.Next(2) == 0 ? MinistryToken : OfficerToken;
                return new Input("intake", "DELETE", $"{path}/{withdrawn}", null, null, [("Authorization", "Bearer " + token)], false,
                    $"withdraw an unknown document as {token}");
            default:
                var file = HostileFile();
                var boundary = "----harness" + _random.Next(1_000_000);
                var body = Multipart(boundary, [(FormPart("file", file.Name, file.Type), file.Bytes)]);
                var (uploader, may) = _random.Next(4) switch
                {
                    0 => ("Bearer " + MinistryToken, false),
                    1 => ("Bearer " + ForgedToken(), false),
                    _ => ("Bearer " + OfficerToken, file.Good && number == targets.TrackingNumber),
                };
                return new Input("intake", "POST", path, body, $"multipart/form-data; boundary={boundary}", [("Authorization", uploader)], may,
                    $"upload {file.Label} to {Show(number)} as {Show(uploader[7..Math.Min(uploader.Length, 20)])}");
        }
    }

    private static string FormPart(string name, string? fileName, string type) =>
        $"Content-Disposition: form-data; name=\"{name}\"" + (fileName is null ? "" : $"; filename=\"{fileName.Replace("\"", "%22", StringComparison.Ordinal)}\"") +
        $"\r\nContent-Type: {type}";

    private static byte[] Multipart(string boundary, IEnumerable<(string Headers, byte[] Bytes)> parts)
    {
        using var body = new MemoryStream();
        foreach (var (headers, bytes) in parts)
        {
            body.Write(Utf8($"--{boundary}\r\n{headers}\r\n\r\n"));
            body.Write(bytes);
            body.Write(Utf8("\r\n"));
        }
        body.Write(Utf8($"--{boundary}--\r\n"));
        return body.ToArray();
    }
}
