namespace Requests.Reporting.Storage;

/// <summary>
/// What the reports need of one case, and nothing personal: dates as day numbers (<see cref="DateOnly.DayNumber"/>)
/// and dimensions as small integers, so that a year's figures come from one scan of a narrow covering index.
/// </summary>
public sealed class CaseFact
{
    public long Id { get; set; }

    /// <summary>Routing's case id, or the historical file's <c>case_id</c>.</summary>
    public required string CaseId { get; set; }

    public string? TrackingNumber { get; set; }

    public int BodyId { get; set; }

    /// <summary>0 when the case has no theme.</summary>
    public int ThemeId { get; set; }

    /// <summary>Regime, kind, channel, outcome, refusal ground and flags packed by <c>FactCodes</c>.</summary>
    public int Codes { get; set; }

    /// <summary>Null until the submission is known (a move may arrive before it).</summary>
    public int? ReceivedDay { get; set; }

    /// <summary>The final due date of the answer, after extension and pauses.</summary>
    public int? DueDay { get; set; }

    /// <summary>The first final answer (a redirection included).</summary>
    public int? AnsweredDay { get; set; }

    /// <summary>Filed away without an answer (withdrawn, duplicate).</summary>
    public int? ClosedDay { get; set; }

    public int? Rating { get; set; }

    /// <summary>The highest <c>CaseMoved.Sequence</c> applied: a late move never rolls the status back.</summary>
    public int Sequence { get; set; }

    /// <summary>When the due date in <see cref="DueDay"/> was set (UTC ticks): an older due date never replaces it.</summary>
    public long DueSetAt { get; set; }

    /// <summary>The move with the highest sequence: the case's status now.</summary>
    public string? Status { get; set; }

    /// <summary><c>events</c> or <c>import</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The year of <see cref="ReceivedDay"/> when <see cref="Version"/> was set (null before the receipt is known).</summary>
    public int? Year { get; set; }

    /// <summary>
    /// The year's data version (<see cref="FactYear"/>) of the fact's last write, set in the same transaction: a report
    /// holding the year at an older version reads only the facts written since.
    /// </summary>
    public long Version { get; set; }
}

/// <summary>
/// A fact whose year of receipt changed left <see cref="Year"/> at that year's <see cref="Version"/>: a report holding
/// the year at an older version drops it.
/// </summary>
public sealed class FactDeparture
{
    public int Year { get; set; }

    public long Version { get; set; }

    public long FactId { get; set; }
}

/// <summary>A body as the directory (or a historical file) describes it; facts refer to it by <see cref="Id"/>.</summary>
public sealed class BodyRecord
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public string? Name { get; set; }

    /// <summary><c>ministry</c>, <c>public-establishment</c>, <c>territorial-collectivity</c> or <c>other</c>.</summary>
    public required string Sector { get; set; }

    public required string Region { get; set; }
}

public sealed class ThemeRecord
{
    public int Id { get; set; }

    public required string Code { get; set; }
}

/// <summary>The version of the last directory applied (one row): an older snapshot that arrives late is ignored.</summary>
public sealed class DirectoryVersion
{
    public int Id { get; set; }

    public long Version { get; set; }
}

/// <summary>
/// A year's data version: every write to a fact received that year increments it in the same transaction, so a
/// report can reuse the year's facts it read before while the version is the same (on any instance).
/// </summary>
public sealed class FactYear
{
    public int Year { get; set; }

    public long Version { get; set; }
}
