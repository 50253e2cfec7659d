using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Requests.Intake.Tests.Documents;

/// <summary>Files as citizens and officers send them, and the hostile ones they must not.</summary>
public static class Files
{
    /// <summary>A small PDF whose bytes differ by <paramref name="seed"/>.</summary>
    public static byte[] Pdf(int seed = 1, int size = 2000)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();

    /// <summary>The start of a Windows program (MZ header).</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    /// <summary>A Word document: the parts a .docx has, zipped.</summary>
    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()));

    /// <summary>A .docx whose document part inflates from about 50 KB to 50 MB of zeros.</summary>
    public static byte[] ZipBomb() => Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[50 * 1024 * 1024]));

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        return stream.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A <c>file</c> part; the name goes as <c>filename*</c> (RFC 5987), so any character reaches the server as sent.</summary>
    public static ByteArrayContent Part(string name, byte[] bytes, string type = "application/pdf")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        part.Headers.TryAddWithoutValidation("Content-Disposition",
            $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        return part;
    }

    /// <summary>A multipart body of files, with the JSON form first when there is one.</summary>
    public static MultipartFormDataContent Multipart(JsonNode? form, params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        if (form is not null)
            content.Add(new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"), "form");
        foreach (var (name, bytes) in files)
            content.Add(Part(name, bytes));
        return content;
    }

    /// <summary>Uploads drafts as an officer and returns their references.</summary>
    public static async Task<JsonElement[]> UploadAsync(this HttpClient staff, string trackingNumber, params (string Name, byte[] Bytes)[] files)
    {
        using var response = await staff.PostAsync($"/api/cases/{trackingNumber}/documents", Multipart(null, files));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("documents").EnumerateArray()];
    }

    /// <summary>A download with the citizen's access code.</summary>
    public static async Task<HttpResponseMessage> DownloadAsync(this IntakeApp app, string trackingNumber, string id, string? accessCode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{trackingNumber}/documents/{id}");
        if (accessCode is not null)
            request.Headers.Add("X-Access-Code", accessCode);
        return await app.CreateClient().SendAsync(request);
    }

    /// <summary>Every file the document store holds (its staging folder included).</summary>
    public static string[] Stored(this IntakeApp app)
    {
        var root = Path.Combine(Path.GetDirectoryName(app.DatabaseFile)!, "intake-documents");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }
}
