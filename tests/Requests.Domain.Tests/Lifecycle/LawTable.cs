using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using static Requests.Domain.Lifecycle.CaseStatus;
using static Requests.Domain.Lifecycle.CaseTrigger;

namespace Requests.Domain.Tests.Lifecycle;

// Every legal move, written out again per regime from the law rather than copied from the production table, so a
// row added or lost there fails here. A comment where the law, not convenience, is the reason.
internal static class LawTable
{
    public static readonly (CaseStatus From, CaseTrigger Trigger, CaseStatus To)[] Information =
    [
        (Received, Assign, Assigned),
        (Received, MissDeadline, DeadlineMissed), // 20 working days from receipt, whether or not an officer took it
        (Received, Close, Closed),
        (Assigned, Assign, Assigned),
        (Assigned, Accept, Accepted),
        (Assigned, Redirect, Redirected),
        (Assigned, MissDeadline, DeadlineMissed),
        (Assigned, Close, Closed),
        (Accepted, Assign, Accepted),
        (Accepted, AskClarification, AwaitingClarification), // pauses the clock
        (Accepted, Extend, Extended), // Law 31.13: once, +20 working days, with reasons
        (Accepted, Answer, Answered),
        (Accepted, Redirect, Redirected),
        (Accepted, MissDeadline, DeadlineMissed),
        (Accepted, Close, Closed),
        (AwaitingClarification, Assign, AwaitingClarification),
        (AwaitingClarification, ReceiveClarification, Accepted), // the clock runs again
        (AwaitingClarification, Answer, Answered), // no clarification came: refused as an unclear request
        (AwaitingClarification, Redirect, Redirected),
        (AwaitingClarification, Close, Closed),
        (Extended, Assign, Extended),
        (Extended, Answer, Answered),
        (Extended, Redirect, Redirected),
        (Extended, MissDeadline, DeadlineMissed), // the extended deadline passes too
        (Extended, Close, Closed),
        (DeadlineMissed, Assign, DeadlineMissed),
        (DeadlineMissed, Answer, Answered), // late, but still owed
        (DeadlineMissed, Redirect, Redirected),
        (DeadlineMissed, FileRecourse, UnderRecourse), // silence is an implicit refusal: recourse opens
        (DeadlineMissed, Close, Closed),
        (Answered, FileRecourse, UnderRecourse), // after a refusal, total or partial, within 20 working days
        (UnderRecourse, AnswerRecourse, RecourseAnswered),
        (UnderRecourse, MissDeadline, RecourseDeadlineMissed), // the head's silence opens the Commission (CDAI)
        (UnderRecourse, Close, Closed), // the requester withdraws the recourse
        (RecourseDeadlineMissed, AnswerRecourse, RecourseAnswered),
        (RecourseDeadlineMissed, Close, Closed),
    ];

    public static readonly (CaseStatus From, CaseTrigger Trigger, CaseStatus To)[] Complaint =
    [
        (Received, Assign, Assigned),
        (Received, MissDeadline, DeadlineMissed), // 60 calendar days from deposit
        (Received, Close, Closed),
        (Assigned, Assign, Assigned),
        (Assigned, Accept, Accepted),
        (Assigned, Redirect, Redirected), // Decree 2.17.265: a body that is not competent redirects the complainant
        (Assigned, MissDeadline, DeadlineMissed),
        (Assigned, Close, Closed),
        (Accepted, Assign, Accepted),
        (Accepted, AskClarification, AwaitingClarification),
        (Accepted, Answer, Answered), // founded, unfounded or not admissible, always reasoned
        (Accepted, Redirect, Redirected),
        (Accepted, MissDeadline, DeadlineMissed),
        (Accepted, Close, Closed),
        (AwaitingClarification, Assign, AwaitingClarification),
        (AwaitingClarification, ReceiveClarification, Accepted),
        (AwaitingClarification, Answer, Answered),
        (AwaitingClarification, Redirect, Redirected),
        (AwaitingClarification, Close, Closed),
        (DeadlineMissed, Assign, DeadlineMissed),
        (DeadlineMissed, Answer, Answered),
        (DeadlineMissed, Redirect, Redirected),
        (DeadlineMissed, Close, Closed),
        (Answered, Reopen, Reopened), // Decree 2.17.265: the complainant may reopen
        (Answered, Rate, Rated), // ... and rate the answer
        (Rated, Reopen, Reopened), // no order between the two
        (Reopened, Assign, Reopened),
        (Reopened, AskClarification, AwaitingClarification),
        (Reopened, Answer, Answered),
        (Reopened, MissDeadline, DeadlineMissed),
        (Reopened, Close, Closed),
    ];

    public static (CaseStatus From, CaseTrigger Trigger, CaseStatus To)[] For(Regime regime) =>
        regime == Regime.Information ? Information : Complaint;

    public static TheoryData<Regime, CaseStatus, CaseTrigger, CaseStatus> Rows()
    {
        var rows = new TheoryData<Regime, CaseStatus, CaseTrigger, CaseStatus>();
        foreach (var regime in Enum.GetValues<Regime>())
        {
            foreach (var (from, trigger, to) in For(regime))
            {
                rows.Add(regime, from, trigger, to);
            }
        }

        return rows;
    }
}
