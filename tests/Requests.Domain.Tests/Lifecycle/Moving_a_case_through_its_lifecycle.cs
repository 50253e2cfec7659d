using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using static Requests.Domain.Lifecycle.CaseStatus;
using static Requests.Domain.Lifecycle.CaseTrigger;

namespace Requests.Domain.Tests.Lifecycle;

public sealed class Moving_a_case_through_its_lifecycle
{
    public static TheoryData<Regime, CaseStatus, CaseTrigger, CaseStatus> LegalMoves => LawTable.Rows();

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Allows_each_move_the_law_gives(Regime regime, CaseStatus from, CaseTrigger trigger, CaseStatus to)
    {
        Assert.True(CaseLifecycle.TryFire(regime, from, trigger, out var reached));
        Assert.Equal(to, reached);
    }

    [Theory]
    [InlineData(Regime.Information)]
    [InlineData(Regime.Complaint)]
    public void Has_no_row_the_law_does_not_give(Regime regime) =>
        Assert.Equal(
            LawTable.For(regime).Order(),
            CaseLifecycle.Transitions(regime).Select(r => (r.From, r.Trigger, r.To)).Order());

    [Fact]
    public void Walks_an_information_request_from_receipt_to_the_heads_answer() =>
        Assert.Equal(RecourseAnswered, Walk(Regime.Information,
            Assign, Accept, AskClarification, ReceiveClarification, Extend, Answer, FileRecourse, AnswerRecourse));

    [Fact]
    public void Walks_an_information_request_through_two_silences() =>
        Assert.Equal(RecourseAnswered, Walk(Regime.Information,
            Assign, Accept, MissDeadline, FileRecourse, MissDeadline, AnswerRecourse));

    [Fact]
    public void Walks_a_complaint_through_a_reopening_and_two_ratings() =>
        Assert.Equal(Rated, Walk(Regime.Complaint, Assign, Accept, Answer, Rate, Reopen, AskClarification,
            ReceiveClarification, Answer, Rate));

    [Fact]
    public void Fires_a_missed_deadline_once_so_that_a_second_sweep_does_nothing()
    {
        Assert.True(CaseLifecycle.TryFire(Regime.Information, Accepted, MissDeadline, out var missed));
        Assert.False(CaseLifecycle.TryFire(Regime.Information, missed, MissDeadline, out var again));
        Assert.Equal(DeadlineMissed, again);
    }

    [Theory]
    [InlineData(Regime.Information, new[] { Extended, UnderRecourse, RecourseDeadlineMissed, RecourseAnswered }, new[] { Reopened, Rated })]
    [InlineData(Regime.Complaint, new[] { Reopened, Rated }, new[] { Extended, UnderRecourse, RecourseDeadlineMissed, RecourseAnswered })]
    public void Reaches_the_statuses_of_its_own_regime_only(Regime regime, CaseStatus[] own, CaseStatus[] foreign)
    {
        var reached = new HashSet<CaseStatus> { Received };
        var queue = new Queue<CaseStatus>(reached);
        while (queue.TryDequeue(out var status))
        {
            foreach (var trigger in CaseLifecycle.Allowed(regime, status))
            {
                CaseLifecycle.TryFire(regime, status, trigger, out var next);
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        Assert.All(own, s => Assert.Contains(s, reached));
        Assert.All(foreign, s => Assert.DoesNotContain(s, reached));
        Assert.Equal(Enum.GetValues<CaseStatus>().Length - foreign.Length, reached.Count);
    }

    private static CaseStatus Walk(Regime regime, params CaseTrigger[] triggers)
    {
        var status = Received;
        foreach (var trigger in triggers)
        {
            Assert.True(CaseLifecycle.TryFire(regime, status, trigger, out status), $"{trigger} refused from {status}");
        }

        return status;
    }
}
