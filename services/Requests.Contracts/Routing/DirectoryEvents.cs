namespace Requests.Contracts.Routing;

/// <summary>One public body of the directory, as citizens may address it.</summary>
/// <param name="Sector"><c>ministry</c>, <c>public-establishment</c>, <c>territorial-collectivity</c> or <c>other</c>.</param>
/// <param name="Officers">Its information officers' public contact (designated officers and substitutes), which its public page shows.</param>
public sealed record DirectoryBody(string Code, string NameFr, string NameAr, string Sector, string Region, string? ParentCode,
    IReadOnlyList<DirectoryOfficer>? Officers = null);

/// <summary>An information officer as the public may write to them: a name and a work e-mail.</summary>
public sealed record DirectoryOfficer(string Name, string Email);

/// <summary>
/// The whole directory of bodies as routing holds it, published at start-up and after each change. A snapshot rather
/// than a change: a service that missed one is whole again with the next; <see cref="Version"/> (the time of the
/// change, in ticks) lets it ignore an older snapshot that arrives late.
/// </summary>
public sealed record BodyDirectoryPublished(long Version, IReadOnlyList<DirectoryBody> Bodies, DateTimeOffset At);
