using Requests.Contracts.Routing;

namespace Requests.Notifications.Templates.Citizen;

/// <summary>A document sent to the citizen: its name and size in bytes (when known).</summary>
public sealed record SentDocument(string Name, long? Size);

/// <summary>The documents a step sends, as its message tells them: joined to the e-mail when <paramref name="Attached"/>,
/// otherwise listed with the page where the citizen downloads them (a letter lists them).</summary>
public sealed record SentDocuments(IReadOnlyList<SentDocument> Files, bool Attached);

/// <summary>The requester's message for a move that may send documents (a clarification asked, an answer, the head's
/// answer to a recourse; a clarification received on paper, with its scan), written the same by routing and by intake,
/// which writes it when the move sends documents.</summary>
public static class MoveNotices
{
    /// <summary>The message, or null for a move the requester is not written about here.</summary>
    /// <param name="commissionLastDay">For the head's answer: the last day to go to the Commission.</param>
    public static IEmailTemplate? For(CaseMoved move, BodyName body, DateOnly? commissionLastDay, string followUrl,
        SentDocuments? documents)
    {
        ArgumentNullException.ThrowIfNull(move);
        var told = move.Text ?? "";
        var today = move.OccurredOn;
        return move.Trigger switch
        {
            "ask-clarification" => new ClarificationAsked(move.TrackingNumber, move.Kind, body, told, today, followUrl, documents),
            "answer" when move.Regime == "complaint" =>
                new ComplaintAnswerNotice(move.TrackingNumber, move.Kind, body, move.Outcome ?? "", told, today, followUrl, documents),
            "answer" when move.Outcome is "refused" or "not-held" && move.RecourseLastDay is { } last =>
                new RefusalNotice(move.TrackingNumber, body, move.RefusalGround ?? "not-held", told, today, last, followUrl, documents),
            "answer" => new AnswerNotice(move.TrackingNumber, body, move.Outcome ?? "", told, today, followUrl, move.RefusalGround,
                move.RecourseLastDay, documents),
            // a paper answer staff recorded with its scan: the citizen learns it arrived and the new due date
            "receive-clarification" when documents is not null =>
                new ClarificationReceived(move.TrackingNumber, move.Kind, body, today, move.DueOn, followUrl, documents),
            "answer-recourse" when commissionLastDay is { } last =>
                new RecourseAnswerNotice(move.TrackingNumber, body, move.Outcome ?? "", told, today, last, followUrl, documents),
            _ => null,
        };
    }
}
