using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;

namespace Requests.Domain.Tests.Lifecycle;

public sealed class Listing_the_actions_of_a_case
{
    public static TheoryData<Regime, CaseStatus> Every
    {
        get
        {
            var every = new TheoryData<Regime, CaseStatus>();
            foreach (var regime in Enum.GetValues<Regime>())
            {
                foreach (var status in Enum.GetValues<CaseStatus>())
                {
                    every.Add(regime, status);
                }
            }

            return every;
        }
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Lists_exactly_the_moves_that_fire(Regime regime, CaseStatus status)
    {
        var allowed = CaseLifecycle.Allowed(regime, status);
        var firing = Enum.GetValues<CaseTrigger>().Where(t => CaseLifecycle.TryFire(regime, status, t, out _));
        Assert.Equal(firing.Order(), allowed.Order());
        Assert.Equal(allowed.Count, allowed.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Offers_close_wherever_an_answer_is_still_owed(Regime regime, CaseStatus status)
    {
        var allowed = CaseLifecycle.Allowed(regime, status);
        bool owed = allowed.Contains(CaseTrigger.Answer) || allowed.Contains(CaseTrigger.AnswerRecourse)
            || allowed.Contains(CaseTrigger.Assign);
        Assert.Equal(owed, allowed.Contains(CaseTrigger.Close));
    }

    [Fact]
    public void Cannot_be_changed_by_a_caller() =>
        Assert.Throws<NotSupportedException>(() =>
            ((IList<CaseTrigger>)CaseLifecycle.Allowed(Regime.Information, CaseStatus.Accepted)).Clear());
}
