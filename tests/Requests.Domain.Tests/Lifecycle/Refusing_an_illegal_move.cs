using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using static Requests.Domain.Lifecycle.CaseStatus;
using static Requests.Domain.Lifecycle.CaseTrigger;

namespace Requests.Domain.Tests.Lifecycle;

public sealed class Refusing_an_illegal_move
{
    [Theory]
    [InlineData(Regime.Information, Extended, Extend)] // Law 31.13: one extension only
    [InlineData(Regime.Complaint, Accepted, Extend)] // the decree's 60 days have no extension
    [InlineData(Regime.Information, AwaitingClarification, MissDeadline)] // the clock is paused
    [InlineData(Regime.Information, AwaitingClarification, Extend)] // the clarification comes first, then the decision to extend
    [InlineData(Regime.Information, Extended, AskClarification)] // a choice: after the extension the body answers (README)
    [InlineData(Regime.Information, DeadlineMissed, Extend)] // an extension is announced before the deadline
    [InlineData(Regime.Information, DeadlineMissed, AskClarification)] // the clock cannot stop once it has run out
    [InlineData(Regime.Information, Received, Answer)] // nobody has the case yet
    [InlineData(Regime.Information, Assigned, Answer)] // the officer takes the case up first
    [InlineData(Regime.Information, Answered, Answer)] // one answer; what follows is the recourse
    [InlineData(Regime.Information, Answered, Reopen)] // reopening is the decree's, for complaints
    [InlineData(Regime.Information, Answered, Rate)] // rating too
    [InlineData(Regime.Information, UnderRecourse, Answer)] // the head answers a recourse, not the officer
    [InlineData(Regime.Information, Redirected, FileRecourse)] // a redirection refuses nothing: the competent body's case goes on
    [InlineData(Regime.Information, RecourseAnswered, FileRecourse)] // next is the Commission (CDAI), outside the body
    [InlineData(Regime.Information, Closed, Assign)] // closed is closed
    [InlineData(Regime.Complaint, Answered, FileRecourse)] // the recourse to the head is Law 31.13's
    [InlineData(Regime.Complaint, DeadlineMissed, FileRecourse)] // a complaint's silence is overdue, not an implicit refusal
    [InlineData(Regime.Complaint, DeadlineMissed, Reopen)] // nothing was answered to reopen
    [InlineData(Regime.Complaint, Rated, Rate)] // one rating per answer
    [InlineData(Regime.Complaint, Reopened, Redirect)] // the body answered once: it was competent
    [InlineData(Regime.Complaint, Closed, Reopen)] // a withdrawn complaint was never answered
    [InlineData(Regime.Complaint, Received, Accept)] // assigned first
    public void Refuses_a_sample_of_moves_the_law_does_not_give(Regime regime, CaseStatus from, CaseTrigger trigger)
    {
        Assert.False(CaseLifecycle.TryFire(regime, from, trigger, out var to));
        Assert.Equal(from, to);
    }

    [Theory]
    [InlineData(Regime.Information)]
    [InlineData(Regime.Complaint)]
    public void Refuses_every_pair_not_in_the_table(Regime regime)
    {
        var legal = LawTable.For(regime).Select(r => (r.From, r.Trigger)).ToHashSet();
        int refused = 0;
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var trigger in Enum.GetValues<CaseTrigger>().Where(t => !legal.Contains((from, t))))
            {
                Assert.False(CaseLifecycle.TryFire(regime, from, trigger, out var to), $"{trigger} from {from}");
                Assert.Equal(from, to);
                refused++;
            }
        }

        Assert.Equal((Enum.GetValues<CaseStatus>().Length * Enum.GetValues<CaseTrigger>().Length) - legal.Count, refused);
    }

    [Theory]
    [InlineData(Regime.Information, Answered, new[] { FileRecourse })] // after a refusal or a partial one
    [InlineData(Regime.Information, Redirected, new CaseTrigger[0])]
    [InlineData(Regime.Information, Closed, new CaseTrigger[0])]
    [InlineData(Regime.Information, RecourseAnswered, new CaseTrigger[0])] // the Commission and the court are outside
    [InlineData(Regime.Complaint, Answered, new[] { Reopen, Rate })]
    [InlineData(Regime.Complaint, Rated, new[] { Reopen })]
    [InlineData(Regime.Complaint, Redirected, new CaseTrigger[0])]
    [InlineData(Regime.Complaint, Closed, new CaseTrigger[0])]
    public void Leaves_a_final_status_only_by_what_the_law_gives_the_requester(Regime regime, CaseStatus final,
        CaseTrigger[] expected) =>
        Assert.Equal(expected, CaseLifecycle.Allowed(regime, final));

    [Fact]
    public void Refuses_values_outside_the_enums()
    {
        Assert.False(CaseLifecycle.TryFire((Regime)9, Accepted, Answer, out _));
        Assert.False(CaseLifecycle.TryFire(Regime.Information, (CaseStatus)99, Answer, out var to));
        Assert.Equal((CaseStatus)99, to);
        Assert.False(CaseLifecycle.TryFire(Regime.Information, Accepted, (CaseTrigger)(-1), out _));
        Assert.Empty(CaseLifecycle.Allowed(Regime.Information, (CaseStatus)99));
    }
}
