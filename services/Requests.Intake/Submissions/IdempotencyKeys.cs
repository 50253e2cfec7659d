using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Requests.Intake.Documents;
using Requests.Intake.Notices;
using Requests.Intake.Storage;

namespace Requests.Intake.Submissions;

/// <summary>
/// A filing's <c>Idempotency-Key</c>, stored with its case in the receipt's transaction: the same key again answers the
/// same receipt and records nothing. <see cref="Fingerprint"/> is what was filed (where, by whom, the form, the files),
/// to refuse the key with another filing; the access code is sealed (<see cref="AccessCodeSeal"/>) to answer it again.
/// Kept <c>Intake:IdempotencyKeyRetention</c> (24 h), then pruned by the receipt writer.
/// </summary>
public sealed class IdempotencyKey
{
    public required string Key { get; set; }
    public required string Fingerprint { get; set; }
    public Guid CaseId { get; set; }
    public required string SealedCode { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class IdempotencyKeys(IntakeDbContext db, AccessCodeSeal seal)
{
    public const string Header = "Idempotency-Key";
    private const int MaxLength = 255;

    /// <summary>The request's key: none, one, or a 400 when it is empty, too long or not printable ASCII.</summary>
    public static (string? Key, IResult? Error) Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Header, out var values))
            return (null, null);
        var key = values.Count == 1 ? values[0] : null;
        return key is { Length: > 0 and <= MaxLength } && key.All(c => c is > ' ' and <= '~')
            ? (key, null)
            : (null, SubmissionEndpoints.Problem(400, $"The {Header} header must be one value of 1 to {MaxLength} visible ASCII characters."));
    }

    /// <summary>What was filed: the endpoint, the staff account if any, the form as read, and each file's name and hash.</summary>
    public static string Fingerprint(string path, string? recordedBy, byte[] form, IEnumerable<StagedFile> files)
    {
        var text = new StringBuilder().Append(path).Append('\n').Append(recordedBy).Append('\n');
        foreach (var file in files)
            text.Append(file.Name).Append(':').Append(file.Sha256).Append('\n');
        return Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes(text.ToString()), .. form]));
    }

    public IdempotencyKey New(string key, string fingerprint, CaseRecord record, DateTime now) => new()
    {
        Key = key, Fingerprint = fingerprint, CaseId = record.Id, SealedCode = seal.Seal(record.AccessCode!), CreatedAt = now,
    };

    /// <summary>
    /// The receipt already given for <paramref name="key"/> (201, marked <c>Idempotent-Replayed</c>), a 422 when the key
    /// came with another filing, or null when the key is not stored.
    /// </summary>
    public async Task<IResult?> ReplayAsync(HttpContext http, string key, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(http);
        var stored = await db.Set<IdempotencyKey>().AsNoTracking()
            .Where(k => k.Key == key)
            .Join(db.Cases, k => k.CaseId, c => c.Id, (k, c) => new
            {
                k.Fingerprint, k.SealedCode, c.Id, c.TrackingNumber, c.ReceivedAt, c.ReceivedOn, c.DueOn, c.RuleVersion,
            })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (stored is null)
            return null;
        if (stored.Fingerprint != fingerprint)
            return Results.Problem(statusCode: 422, title: $"This {Header} was used for another filing; nothing was recorded.",
                detail: "Send a new key with each new filing, and the same key only to send the same filing again.");
        http.Response.Headers["Idempotent-Replayed"] = "true";
        var receipt = new Receipt(stored.Id, stored.TrackingNumber, seal.Open(stored.SealedCode),
            new DateTimeOffset(stored.ReceivedAt, TimeSpan.Zero), stored.ReceivedOn, stored.DueOn, stored.RuleVersion);
        return Results.Created($"/api/cases/{stored.TrackingNumber}", receipt);
    }
}
