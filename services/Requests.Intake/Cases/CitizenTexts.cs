using Requests.Contracts.Routing;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Intake.Storage;

namespace Requests.Intake.Cases;

/// <summary>
/// What the citizen reads on their timeline, in plain French: what happened, what it means for them, until when
/// they may act. Never the officer's name nor the body's internal notes.
/// </summary>
public static class CitizenTexts
{
    public static string Day(DateOnly date) => FrenchDate.Format(date);

    public static string Received(CaseRecord record, string? fromTrackingNumber, string? fromBody)
    {
        var how = record.RedirectedFrom is not null
            ? $"Transmise par {fromBody ?? "un autre organisme"} (numéro de suivi {fromTrackingNumber}) et reçue le {Day(record.ReceivedOn)}"
            : record.Channel switch
            {
                "portal" => $"Reçue sur le portail le {Day(record.ReceivedOn)}",
                "email" => $"Reçue par courrier électronique le {Day(record.ReceivedOn)}",
                "post" => $"Reçue par courrier postal le {Day(record.ReceivedOn)}",
                "counter" => $"Déposée au guichet le {Day(record.ReceivedOn)}",
                "phone" => $"Reçue par téléphone le {Day(record.ReceivedOn)}",
                _ => $"Reçue le {Day(record.ReceivedOn)}",
            };
        return $"{how} ; réponse attendue au plus tard le {Day(record.DueOn)}.";
    }

    public static string Assigned(DateOnly dueOn) =>
        $"Votre dossier a été confié à un agent de l'organisme ; réponse attendue au plus tard le {Day(dueOn)}.";

    /// <param name="bodyName">For a redirection: the competent body's name.</param>
    /// <param name="newTrackingNumber">For a redirection: the number of the case opened there.</param>
    /// <param name="commissionLastDay">When the head's answer or silence opens the Commission (CDAI): its last day.</param>
    public static string Move(CaseMoved move, MoveCodes codes, string kind, string? bodyName, string? newTrackingNumber,
        DateOnly? commissionLastDay, DateOnly? recourseDueOn)
    {
        var text = string.IsNullOrWhiteSpace(move.Text) ? null : move.Text.Trim();
        return codes.Trigger switch
        {
            CaseTrigger.Assign when codes.From == CaseStatus.Received => Assigned(move.DueOn),
            CaseTrigger.Assign => "Votre dossier a été confié à un autre agent de l'organisme ; la date limite ne change pas.",
            CaseTrigger.Accept => $"L'organisme a pris votre dossier en charge ; réponse attendue au plus tard le {Day(move.DueOn)}.",
            CaseTrigger.AskClarification => $"L'organisme vous demande une précision : « {text} ». Le délai est suspendu jusqu'à votre "
                + "réponse, que vous pouvez envoyer depuis le suivi de votre dossier.",
            CaseTrigger.ReceiveClarification => $"Votre précision a été reçue : le délai reprend, réponse attendue au plus tard le {Day(move.DueOn)}.",
            CaseTrigger.Extend => "L'organisme a prolongé une fois le délai de réponse, comme la loi 31.13 le permet : réponse attendue au plus tard le "
                + $"{Day(move.DueOn)}{(move.PreviousDueOn is { } before ? $" (au lieu du {Day(before)})" : "")}."
                + (text is null ? "" : $" Motifs : {text}"),
            CaseTrigger.Answer => Answer(move, codes, text),
            CaseTrigger.Redirect => "L'organisme n'est pas compétent : votre demande a été transmise le "
                + $"{Day(move.OccurredOn)} à : {bodyName ?? move.RedirectedTo}"
                + (newTrackingNumber is null ? "." : $", sous le nouveau numéro de suivi {newTrackingNumber}. Suivez-la avec le même code d'accès.")
                + (text is null ? "" : $" Motif : {text}"),
            CaseTrigger.Close => (move.ActorRole == "citizen" ? "Votre dossier a été classé à votre demande." : "Votre dossier a été classé sans réponse.")
                + (text is null ? "" : $" Motif : {text}"),
            CaseTrigger.MissDeadline when codes.To == CaseStatus.RecourseDeadlineMissed =>
                HeadSilence(recourseDueOn ?? move.DueOn, commissionLastDay),
            CaseTrigger.MissDeadline => DeadlineMissed(move.Regime, move.Kind, move.DueOn, move.RecourseLastDay),
            CaseTrigger.FileRecourse => "Votre recours auprès du chef de l'organisme a été enregistré"
                + (recourseDueOn is { } due ? $" ; sa réponse est attendue au plus tard le {Day(due)}." : "."),
            CaseTrigger.AnswerRecourse => $"Le chef de l'organisme a répondu à votre recours : {InformationOutcome(codes)}"
                + (text is null ? "" : $" Réponse : {text}")
                + (commissionLastDay is { } last
                    ? $" Si elle ne vous satisfait pas, vous pouvez saisir la Commission du droit d'accès à l'information (CDAI) jusqu'au {Day(last)}."
                    : ""),
            CaseTrigger.Reopen => $"Votre {Noun(move.Kind)} a été rouverte : l'organisme la traite à nouveau, réponse attendue au plus tard le {Day(move.DueOn)}.",
            CaseTrigger.Rate => $"Votre note de {move.Rating}/5 sur la réponse a été enregistrée.",
            _ => $"Votre dossier est passé à l'état « {move.ToStatus} ».",
        };
    }

    /// <summary>The body's silence past its deadline: for information, an implicit refusal that opens the recourse.</summary>
    public static string DeadlineMissed(string regime, string kind, DateOnly dueOn, DateOnly? recourseLastDay) =>
        regime == "information"
            ? $"L'organisme n'a pas répondu dans le délai légal, échu le {Day(dueOn)} : ce silence vaut refus implicite (loi 31.13). "
                + "Vous pouvez former un recours auprès du chef de l'organisme"
                + (recourseLastDay is { } last ? $" jusqu'au {Day(last)}." : ".")
            : $"L'organisme n'a pas répondu à votre {Noun(kind)} dans le délai, échu le {Day(dueOn)}. Une réponse motivée reste due.";

    /// <summary>The head's silence on a recourse: an implicit refusal that opens the complaint to the Commission.</summary>
    public static string HeadSilence(DateOnly dueOn, DateOnly? commissionLastDay) =>
        $"Le chef de l'organisme n'a pas répondu à votre recours dans le délai, échu le {Day(dueOn)} : ce silence vaut refus "
        + "implicite. Vous pouvez saisir la Commission du droit d'accès à l'information (CDAI)"
        + (commissionLastDay is { } last ? $" jusqu'au {Day(last)}." : ".");

    public static string DueDateChanged(DueDateChanged change, DeadlineStep step) =>
        "Le calendrier des jours fériés a été corrigé : " + step switch
        {
            DeadlineStep.HeadAnswer => "la date limite de la réponse du chef de l'organisme à votre recours",
            DeadlineStep.RecourseHead => "le dernier jour pour former un recours auprès du chef de l'organisme",
            _ => "la date limite de la réponse de l'organisme",
        }
        + $" passe du {Day(change.PreviousDueOn)} au {Day(change.DueOn)}. Motif : {change.Reason}";

    public static string ActionRefused(string action, string reason) =>
        $"L'organisme n'a pas pu donner suite à votre {ActionNoun(action)} : {reason}";

    /// <summary>A citizen's action as their timeline shows it, with where it stands.</summary>
    public static string Action(CitizenAction action) =>
        $"Vous avez envoyé {ActionWithArticle(action)} : " + action.State switch
        {
            "done" => "pris en compte.",
            "refused" => $"non retenu ({action.RefusalReason}).",
            _ => "en attente de traitement.",
        };

    private static string Answer(CaseMoved move, MoveCodes codes, string? text)
    {
        string head;
        if (move.Regime == "information")
            head = $"L'organisme a répondu : {InformationOutcome(codes)}";
        else
            head = codes.ComplaintAnswer switch
            {
                ComplaintOutcome.Founded => $"L'organisme a répondu à votre {Noun(move.Kind)} et la juge fondée.",
                ComplaintOutcome.Unfounded => $"L'organisme a répondu à votre {Noun(move.Kind)} et la juge non fondée.",
                ComplaintOutcome.NotAdmissible => $"L'organisme ne peut pas traiter votre {Noun(move.Kind)} : l'affaire est devant la justice, "
                    + "déjà jugée, ou relève d'un procès-verbal de police judiciaire.",
                _ => $"L'organisme a répondu à votre {Noun(move.Kind)}.",
            };
        var answer = text is null ? "" : $" Réponse : {text}";
        var next = move.Regime == "information"
            ? move.RecourseLastDay is { } last
                ? $" Si vous contestez cette réponse, vous pouvez former un recours auprès du chef de l'organisme jusqu'au {Day(last)}."
                : ""
            : $" Vous pouvez noter cette réponse, ou rouvrir votre {Noun(move.Kind)} si elle ne vous satisfait pas.";
        return head + answer + next;
    }

    private static string InformationOutcome(MoveCodes codes)
    {
        var label = codes.Ground is { } ground ? RefusalGrounds.Of(ground).LabelFr.ToLowerInvariant() : null;
        return codes.Answer switch
        {
            AnswerOutcome.Granted => "l'accès à l'information vous est accordé.",
            AnswerOutcome.PartiallyGranted => "l'accès vous est accordé en partie"
                + (label is null ? "." : $" ; le reste est refusé pour le motif suivant : {label}."),
            AnswerOutcome.Refused => "votre demande est refusée" + (label is null ? "." : $" pour le motif suivant : {label}."),
            AnswerOutcome.NotHeld => "l'organisme ne détient pas l'information demandée.",
            _ => "voir la réponse ci-dessous.",
        };
    }

    private static string Noun(string kind) => kind switch
    {
        "observation" => "observation",
        "suggestion" => "suggestion",
        "request" => "demande",
        _ => "réclamation",
    };

    private static string ActionNoun(string action) => action switch
    {
        CitizenActions.FileRecourse => "recours auprès du chef de l'organisme",
        CitizenActions.Reopen => "demande de réouverture",
        CitizenActions.Rate => "note",
        CitizenActions.Clarify => "précision",
        CitizenActions.Withdraw => "demande de retrait",
        _ => "demande",
    };

    private static string ActionWithArticle(CitizenAction action) => action.Action switch
    {
        CitizenActions.FileRecourse => "un recours auprès du chef de l'organisme",
        CitizenActions.Reopen => "une demande de réouverture",
        CitizenActions.Rate => $"une note de {action.Rating}/5",
        CitizenActions.Clarify => "une précision",
        CitizenActions.Withdraw => "une demande de retrait",
        _ => "une demande",
    };
}
