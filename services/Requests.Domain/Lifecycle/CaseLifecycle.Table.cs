using Requests.Domain.Deadlines;
using static Requests.Domain.Lifecycle.CaseStatus;
using static Requests.Domain.Lifecycle.CaseTrigger;

namespace Requests.Domain.Lifecycle;

// The lifecycle as data: every legal move, and nothing else. Three rules run through it:
// - Close (withdrawal, duplicate) and Assign (hand-over to another officer) exist wherever an answer is still owed;
// - MissDeadline exists wherever a clock is running: never while paused for a clarification;
// - a final status accepts only what the law gives the requester afterwards: recourse after a refusal or a
//   silence (information), reopening and rating (complaints).
public static partial class CaseLifecycle
{
    // a method, not a field: the index in CaseLifecycle.cs is built from it, and field initialisers of a partial
    // class run in no guaranteed order across files
    private static Transition[] Table() =>
    [
        Both(Received, Assign, Assigned),
        Both(Received, MissDeadline, DeadlineMissed), // the clock runs from receipt whether or not an officer took the case
        Both(Received, Close, Closed),

        Both(Assigned, Assign, Assigned),
        Both(Assigned, Accept, Accepted),
        Both(Assigned, Redirect, Redirected), // not competent, plain at first sight: decree 2.17.265 has the body redirect
        Both(Assigned, MissDeadline, DeadlineMissed),
        Both(Assigned, Close, Closed),

        Both(Accepted, Assign, Accepted),
        Both(Accepted, AskClarification, AwaitingClarification),
        Information(Accepted, Extend, Extended), // Law 31.13: once, with reasons, before the deadline; complaints have no extension
        Both(Accepted, Answer, Answered),
        Both(Accepted, Redirect, Redirected),
        Both(Accepted, MissDeadline, DeadlineMissed),
        Both(Accepted, Close, Closed),

        Both(AwaitingClarification, Assign, AwaitingClarification),
        Both(AwaitingClarification, ReceiveClarification, Accepted), // the clock runs again, the paused days added back
        Both(AwaitingClarification, Answer, Answered), // no clarification came: a refusal for an unclear request is an answer
        Both(AwaitingClarification, Redirect, Redirected),
        Both(AwaitingClarification, Close, Closed),

        Information(Extended, Assign, Extended),
        Information(Extended, Answer, Answered),
        Information(Extended, Redirect, Redirected),
        Information(Extended, MissDeadline, DeadlineMissed),
        Information(Extended, Close, Closed),

        Both(DeadlineMissed, Assign, DeadlineMissed),
        Both(DeadlineMissed, Answer, Answered), // a late answer is still owed
        Both(DeadlineMissed, Redirect, Redirected),
        Information(DeadlineMissed, FileRecourse, UnderRecourse), // Law 31.13: silence is an implicit refusal
        Both(DeadlineMissed, Close, Closed),

        Information(Answered, FileRecourse, UnderRecourse), // after a refusal, total or partial, within the window
        Complaint(Answered, Reopen, Reopened), // decree 2.17.265: the complainant may reopen
        Complaint(Answered, Rate, Rated), // ... and rate the answer

        Complaint(Rated, Reopen, Reopened), // the decree sets no order between rating and reopening

        Complaint(Reopened, Assign, Reopened),
        Complaint(Reopened, AskClarification, AwaitingClarification),
        Complaint(Reopened, Answer, Answered),
        Complaint(Reopened, MissDeadline, DeadlineMissed),
        Complaint(Reopened, Close, Closed),

        Information(UnderRecourse, AnswerRecourse, RecourseAnswered),
        Information(UnderRecourse, MissDeadline, RecourseDeadlineMissed), // the head's silence opens the Commission (CDAI)
        Information(UnderRecourse, Close, Closed), // the requester withdraws the recourse

        Information(RecourseDeadlineMissed, AnswerRecourse, RecourseAnswered), // a late answer is still owed
        Information(RecourseDeadlineMissed, Close, Closed),
    ];

    private static Transition Both(CaseStatus from, CaseTrigger trigger, CaseStatus to) => new(from, trigger, to);

    private static Transition Information(CaseStatus from, CaseTrigger trigger, CaseStatus to) =>
        new(from, trigger, to, Regime.Information);

    private static Transition Complaint(CaseStatus from, CaseTrigger trigger, CaseStatus to) =>
        new(from, trigger, to, Regime.Complaint);
}
