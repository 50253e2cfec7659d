using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Requests.Intake.Publication;
using Requests.Intake.Storage;

namespace Requests.Intake.Bodies;

/// <summary>A public body a citizen can address; its officers' contact is shown on its public page.</summary>
public sealed record Body(string Code, string NameFr, string NameAr, string Sector, string Region)
{
    [JsonIgnore]
    public IReadOnlyList<OfficerContact> Officers { get; init; } = [];
}

/// <summary>
/// The bodies citizens can address: routing's directory as its last snapshot gave it (the <c>bodies</c> table),
/// kept in memory and swapped whole on each new snapshot. Until the first snapshot ever arrives, the seed file
/// <c>Data/bodies.json</c>: a fresh system where routing has not spoken yet still accepts filings.
/// </summary>
public sealed class BodyDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private volatile Snapshot _current;

    public BodyDirectory(IEnumerable<Body> bodies, long? version = null) => _current = new Snapshot(bodies, version);

    public IReadOnlyCollection<Body> All => _current.ByCode.Values;

    /// <summary>The version of routing's snapshot in use; null while the seed file stands in for it.</summary>
    public long? Version => _current.Version;

    public Body? Find(string code) => _current.ByCode.GetValueOrDefault(code);

    public IReadOnlyList<OfficerContact> OfficersOf(string code) => Find(code)?.Officers ?? [];

    /// <summary>The officers' contact as the bodies table keeps it.</summary>
    public static IReadOnlyList<OfficerContact> Officers(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<OfficerContact>>(json, Json) ?? [];

    public static string OfficersJson(IEnumerable<OfficerContact> officers) => JsonSerializer.Serialize(officers, Json);

    /// <summary>Takes a snapshot of routing's directory, unless a newer one is already in use.</summary>
    public void Replace(IEnumerable<Body> bodies, long version)
    {
        if (!(_current.Version > version))
            _current = new Snapshot(bodies, version);
    }

    /// <summary>Takes the stored snapshot, if routing ever sent one and it is newer; else keeps what it has.</summary>
    public async Task LoadAsync(IntakeDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.DirectoryVersions.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (stored is null || stored.Version <= _current.Version)
            return;
        var bodies = await db.Bodies.AsNoTracking().ToListAsync(cancellationToken);
        Replace(bodies.Select(b => new Body(b.Code, b.NameFr, b.NameAr, b.Sector, b.Region) { Officers = Officers(b.Officers) }),
            stored.Version);
    }

    public static BodyDirectory Load(string path)
    {
        using var file = File.OpenRead(path);
        var bodies = JsonSerializer.Deserialize<List<Body>>(file, Json)
            ?? throw new InvalidOperationException($"{path} holds no bodies.");
        return new BodyDirectory(bodies);
    }

    private sealed class Snapshot(IEnumerable<Body> bodies, long? version)
    {
        public Dictionary<string, Body> ByCode { get; } = bodies.ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);

        public long? Version { get; } = version;
    }
}
