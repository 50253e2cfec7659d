namespace Requests.Intake.Publication;

/// <summary>
/// Something published, open to everyone: a body's register entry (<c>register</c>) or a case's answer made public
/// (<c>answer</c>). Never anything of the requester: an answer holds the texts the officer wrote after redaction.
/// </summary>
public sealed class PublishedItem
{
    /// <summary>The row's number: the full-text index's key.</summary>
    public long Number { get; set; }
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string BodyCode { get; set; }
    public required string Sector { get; set; }

    /// <summary>The day it is dated: a register entry's publication date, an answer's date.</summary>
    public DateOnly Date { get; set; }
    public int Version { get; set; }

    /// <summary><c>published</c> or <c>withdrawn</c> (then in no public output).</summary>
    public required string State { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? WithdrawnReason { get; set; }

    // a register entry
    public string? Category { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleAr { get; set; }
    public string? SummaryFr { get; set; }
    public string? SummaryAr { get; set; }
    public string? Link { get; set; }

    // an answer
    public Guid? CaseId { get; set; }
    public string? Subject { get; set; }
    public string? Question { get; set; }
    public string? Answer { get; set; }
    public string? Outcome { get; set; }
    public string? Ground { get; set; }
    public DateOnly? FiledOn { get; set; }
    public int? DelayWorkingDays { get; set; }

    public string Title => Kind == PublicationKinds.Answer ? Subject ?? "" : TitleFr ?? TitleAr ?? "";
    public string Summary => Kind == PublicationKinds.Answer ? Question ?? "" : SummaryFr ?? SummaryAr ?? "";

    /// <summary>The text the index holds for it, in its title and in its body.</summary>
    public (string Title, string Body) IndexedText => Kind == PublicationKinds.Answer
        ? (SearchText.Normalize(Subject), SearchText.Normalize($"{Question} {Answer}"))
        : (SearchText.Normalize($"{TitleFr} {TitleAr}"), SearchText.Normalize($"{SummaryFr} {SummaryAr}"));
}

/// <summary>One version of an item as it was published, replaced or withdrawn: the history staff read.</summary>
public sealed class PublishedVersion
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public int Version { get; set; }

    /// <summary><c>published</c>, <c>replaced</c> or <c>withdrawn</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The item's public fields at that version, as JSON.</summary>
    public required string Content { get; set; }
    public string? Reason { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A published file: its bytes in the document store under <see cref="StoreId"/> (a case's document for an answer).</summary>
public sealed class PublishedFile
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid StoreId { get; set; }

    /// <summary>The item's version the file came with; a replaced version's file stays for the history.</summary>
    public int Version { get; set; }
    public bool Current { get; set; }
    public required string Name { get; set; }
    public long Size { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
}

public static class PublicationKinds
{
    public const string Register = "register";
    public const string Answer = "answer";
}

public static class PublicationStates
{
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}
