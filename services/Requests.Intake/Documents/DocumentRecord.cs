using Requests.Contracts.Routing;

namespace Requests.Intake.Documents;

/// <summary>
/// A file of a case: what it is and who added it when. Its bytes are in the <see cref="IDocumentStore"/> under its id.
/// A <c>draft</c> (an officer's upload not yet sent) may be <c>withdrawn</c>, which deletes its bytes; a <c>delivered</c>
/// document is the record of what was exchanged and is never changed or deleted.
/// </summary>
public sealed class DocumentRecord
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>One of <see cref="DocumentSteps"/>; null while an officer's draft waits for its move.</summary>
    public string? Step { get; set; }
    public required string Name { get; set; }
    public long Size { get; set; }

    /// <summary>The type the sender declared (the part's Content-Type), kept as said; never served.</summary>
    public string? DeclaredType { get; set; }

    /// <summary>The type read from the content, one of the allow-list: the type it is served with.</summary>
    public required string ContentType { get; set; }

    /// <summary>SHA-256 of the bytes, lowercase hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary><c>citizen</c>, or the staff account's user name.</summary>
    public required string AddedBy { get; set; }
    public DateTime AddedAt { get; set; }
    public required string State { get; set; }

    /// <summary>The <c>CaseMoved</c> sequence that delivered an officer's document.</summary>
    public int? Sequence { get; set; }

    /// <summary>The citizen's action (recourse, clarification) the document came with.</summary>
    public Guid? ActionId { get; set; }

    /// <summary>What the messages carry of it: never its bytes.</summary>
    public DocumentReference Reference => new(Id, Name, Size, Sha256);

    /// <summary>The references of <paramref name="documents"/>, or null when there are none.</summary>
    public static IReadOnlyList<DocumentReference>? References(IReadOnlyList<DocumentRecord> documents) =>
        documents.Count == 0 ? null : [.. documents.Select(d => d.Reference)];
}

/// <summary>A slice of a document's bytes when they are kept in the database (PostgreSQL).</summary>
public sealed class DocumentChunk
{
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public required byte[] Data { get; set; }
}

public static class DocumentStates
{
    public const string Draft = "draft";
    public const string Delivered = "delivered";
    public const string Withdrawn = "withdrawn";
}

/// <summary>The step of the case a document belongs to.</summary>
public static class DocumentSteps
{
    public const string Filing = "filing";
    public const string Scan = "scan";
    public const string ClarificationRequest = "clarification-request";
    public const string ClarificationAnswer = "clarification-answer";
    public const string Answer = "answer";
    public const string Recourse = "recourse";
    public const string RecourseAnswer = "recourse-answer";
}
