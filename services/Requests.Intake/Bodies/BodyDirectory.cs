using System.Text.Json;

namespace Requests.Intake.Bodies;

/// <summary>A public body a citizen can address.</summary>
public sealed record Body(string Code, string NameFr, string NameAr, string Sector, string Region);

/// <summary>
/// The bodies citizens can address, from the seed file <c>Data/bodies.json</c>.
/// </summary>
public sealed class BodyDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, Body> _byCode;

    public BodyDirectory(IEnumerable<Body> bodies) =>
        _byCode = bodies.ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<Body> All => _byCode.Values;

    public Body? Find(string code) => _byCode.GetValueOrDefault(code);

    public static BodyDirectory Load(string path)
    {
        using var file = File.OpenRead(path);
        var bodies = JsonSerializer.Deserialize<List<Body>>(file, Json)
            ?? throw new InvalidOperationException($"{path} holds no bodies.");
        return new BodyDirectory(bodies);
    }
}
