namespace Requests.Routing.Storage;

/// <summary>A public body cases are addressed to.</summary>
public sealed class Body
{
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameAr { get; set; }

    /// <summary><c>ministry</c>, <c>public-establishment</c>, <c>territorial-collectivity</c> or <c>other</c>.</summary>
    public required string Sector { get; set; }
    public required string Region { get; set; }
    public string? ParentCode { get; set; }
}

/// <summary>Someone who handles a body's cases: a designated officer, a substitute, or the head of the body.</summary>
public sealed class Officer
{
    public required string Id { get; set; }
    public required string BodyCode { get; set; }
    public required string FullName { get; set; }
    public required string Email { get; set; }

    /// <summary>One of <see cref="OfficerRoles"/>.</summary>
    public required string Role { get; set; }

    /// <summary>For a substitute: the designated officer they stand in for.</summary>
    public string? SubstituteOf { get; set; }

    /// <summary>The staff account that signs in as this officer; one account may hold designations in several bodies.</summary>
    public string? AccountId { get; set; }

    /// <summary><c>fr</c> or <c>ar</c>: the language the officer's e-mails are written in.</summary>
    public string Language { get; set; } = "fr";
}

public static class OfficerRoles
{
    public const string Designated = "designated";
    public const string Substitute = "substitute";
    public const string Head = "head";
}

/// <summary>A period an officer is away, both days included.</summary>
public sealed class OfficerLeave
{
    public long Id { get; set; }
    public required string OfficerId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}
