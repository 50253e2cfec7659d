using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Requests.Intake.Documents;

/// <summary>A received file, checked, waiting in the staging folder to be stored.</summary>
public sealed record StagedFile(string Path, string Name, long Size, string Sha256, string? DeclaredType, string ContentType);

/// <summary>The files of one request (and its JSON part <c>form</c>, if any); disposing it deletes what was not stored.</summary>
public sealed class Upload : IDisposable
{
    public byte[]? Form { get; set; }
    public List<StagedFile> Files { get; } = [];

    public void Dispose()
    {
        foreach (var file in Files)
            File.Delete(file.Path);
    }
}

/// <summary>
/// Reads <c>multipart/form-data</c> as it arrives: each file goes to a staging file while its SHA-256 is computed, is
/// checked (size, name, content), and only then may be stored. Nothing of a request is kept when any file is refused.
/// </summary>
public sealed class DocumentUploads(IDocumentStore store, IOptions<DocumentOptions> options, TimeProvider clock)
{
    public const int MaxFormBytes = 64 * 1024;
    private readonly DocumentOptions _options = options.Value;

    public static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The files (and the <c>form</c> part when <paramref name="withForm"/>), or the problem that refuses them all.</summary>
    /// <param name="caseBytes">What the case's documents already weigh.</param>
    public async Task<(Upload? Upload, IResult? Error)> ReadAsync(HttpRequest request, bool withForm, long caseBytes)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        if (!IsMultipart(request) || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return (null, Results.Problem(statusCode: 415, title: "Send the files as multipart/form-data."));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = Math.Min(_options.MaxFileBytes * _options.MaxFiles, _options.MaxCaseBytes) + MaxFormBytes + 1024 * 1024;
        var upload = new Upload();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return Fail(upload, Results.Problem(statusCode: 400, title: "Each part needs a Content-Disposition: form-data header."));
                var raw = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
                if (raw is null)
                {
                    if (!withForm || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "form" || upload.Form is not null)
                        return Fail(upload, Results.Problem(statusCode: 400, title: "Unknown part.",
                            detail: withForm ? "Send one part 'form' (the JSON form) and parts 'file'." : "Send parts 'file' only."));
                    if (await ReadFormAsync(section.Body, cancellationToken) is not { } form)
                        return Fail(upload, Results.Problem(statusCode: 413, title: $"The form is larger than {MaxFormBytes / 1024} KiB."));
                    upload.Form = form;
                    continue;
                }
                if (upload.Files.Count == _options.MaxFiles)
                    return Fail(upload, Refused(413, Shown(raw), $"At most {_options.MaxFiles} files at once."));
                if (Names.Clean(raw, out var why) is not { } name)
                    return Fail(upload, Refused(422, Shown(raw), why!));
                var (file, error) = await StageAsync(section, name, caseBytes + upload.Files.Sum(f => f.Size), cancellationToken);
                if (file is null)
                    return Fail(upload, error!);
                upload.Files.Add(file);
            }
            if (upload.Files.Count == 0 && !withForm)
                return Fail(upload, Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Send at least one file."] },
                    statusCode: 422, title: "No file was sent."));
            return (upload, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException)
        {
            upload.Dispose();
            if (ex is BadHttpRequestException { StatusCode: 413 })
                return (null, Results.Problem(statusCode: 413, title: "The request is larger than the files allowed."));
            return (null, Results.Problem(statusCode: 400, title: "The multipart body could not be read.", detail: ex.Message));
        }
    }

    /// <summary>Moves the staged files into the store as documents of the case; the caller saves the rows.</summary>
    public async Task<List<DocumentRecord>> StoreAsync(Upload upload, Guid caseId, string? step, string state, string addedBy,
        Guid? actionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = new List<DocumentRecord>();
        try
        {
            foreach (var file in upload.Files)
            {
                var record = new DocumentRecord
                {
                    Id = Guid.CreateVersion7(now), CaseId = caseId, Step = step, Name = file.Name, Size = file.Size,
                    DeclaredType = file.DeclaredType, ContentType = file.ContentType, Sha256 = file.Sha256, AddedBy = addedBy,
                    AddedAt = now.UtcDateTime, State = state, ActionId = actionId,
                };
                await store.WriteAsync(record.Id, file.Path, cancellationToken);
                stored.Add(record);
            }
        }
        catch
        {
            await ForgetAsync(stored);
            throw;
        }
        upload.Files.Clear();
        return stored;
    }

    /// <summary>Deletes the bytes of documents whose rows were not saved.</summary>
    public async Task ForgetAsync(IEnumerable<DocumentRecord> documents)
    {
        foreach (var document in documents)
            await store.DeleteAsync(document.Id, CancellationToken.None);
    }

    private async Task<(StagedFile?, IResult?)> StageAsync(MultipartSection section, string name, long caseBytes,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(store.StagingFolder, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = new byte[81920];
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > _options.MaxFileBytes)
                        return Delete(path, Refused(413, name, $"The file is larger than {_options.MaxFileBytes} bytes."));
                    if (caseBytes + size > _options.MaxCaseBytes)
                        return Delete(path, Refused(413, name, $"The case's documents would weigh more than {_options.MaxCaseBytes} bytes."));
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (size == 0)
                return Delete(path, Refused(422, name, "The file is empty."));
            if (ContentTypes.Detect(path, name, _options, out var why) is not { } contentType)
                return Delete(path, Refused(415, name, why!));
            return (new StagedFile(path, name, size, Convert.ToHexStringLower(hash.GetHashAndReset()), section.ContentType?[..Math.Min(section.ContentType.Length, 200)], contentType), null);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<byte[]?> ReadFormAsync(Stream body, CancellationToken cancellationToken)
    {
        using var form = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (form.Length + read > MaxFormBytes)
                return null;
            form.Write(buffer, 0, read);
        }
        return form.ToArray();
    }

    private static (StagedFile?, IResult?) Delete(string path, IResult error)
    {
        File.Delete(path);
        return (null, error);
    }

    private static (Upload?, IResult?) Fail(Upload upload, IResult error)
    {
        upload.Dispose();
        return (null, error);
    }

    /// <summary>A problem naming the file, under its name in <c>errors</c>.</summary>
    public static IResult Refused(int status, string name, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }, statusCode: status,
            title: $"The file '{name}' was refused; nothing was recorded.", detail: message);

    /// <summary>A name as it can be shown in an error: its control characters replaced.</summary>
    private static string Shown(string raw) => string.Concat(raw.Select(c => char.IsControl(c) ? '?' : c));
}

/// <summary>File names as they are kept: without the folders a browser may send, never with <c>..</c> or control characters.</summary>
public static class Names
{
    public const int MaxLength = 255;

    public static string? Clean(string raw, out string? why)
    {
        why = null;
        var segments = raw.Split('/', '\\');
        if (segments.Any(s => s.Trim() == ".."))
            why = "A file name may not contain a '..' segment.";
        else if (raw.Any(char.IsControl))
            why = "A file name may not contain control characters.";
        else if (segments[^1].Trim() is not { Length: > 0 } name || name == ".")
            why = "The file has no name.";
        else if (name.Length > MaxLength)
            why = $"A file name has at most {MaxLength} characters.";
        else
            return name;
        return null;
    }
}
