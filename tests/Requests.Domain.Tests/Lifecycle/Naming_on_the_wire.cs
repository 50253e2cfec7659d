using Requests.Domain.Lifecycle;

namespace Requests.Domain.Tests.Lifecycle;

// Codes are stored on cases and read by the other services: a renamed enum member must fail here first.
public sealed class Naming_on_the_wire
{
    [Fact]
    public void Pins_the_status_codes() => Assert.Equal(
        ["received", "assigned", "accepted", "awaiting-clarification", "extended", "deadline-missed", "answered",
            "redirected", "closed", "under-recourse", "recourse-deadline-missed", "recourse-answered", "reopened", "rated"],
        LifecycleCodes.All<CaseStatus>());

    [Fact]
    public void Pins_the_trigger_codes() => Assert.Equal(
        ["assign", "accept", "ask-clarification", "receive-clarification", "extend", "answer", "redirect", "close",
            "miss-deadline", "file-recourse", "answer-recourse", "reopen", "rate"],
        LifecycleCodes.All<CaseTrigger>());

    [Fact]
    public void Pins_the_outcome_codes()
    {
        Assert.Equal(["granted", "partially-granted", "refused", "not-held"], LifecycleCodes.All<AnswerOutcome>());
        Assert.Equal(["founded", "unfounded", "not-admissible"], LifecycleCodes.All<ComplaintOutcome>());
    }

    [Fact]
    public void Reads_back_every_code_it_writes()
    {
        Assert.All(Enum.GetValues<CaseStatus>(), s =>
            Assert.True(LifecycleCodes.TryParse(LifecycleCodes.Code(s), out CaseStatus back) && back == s));
        Assert.All(Enum.GetValues<CaseTrigger>(), t =>
            Assert.True(LifecycleCodes.TryParse(LifecycleCodes.Code(t), out CaseTrigger back) && back == t));
        Assert.All(Enum.GetValues<AnswerOutcome>(), o =>
            Assert.True(LifecycleCodes.TryParse(LifecycleCodes.Code(o), out AnswerOutcome back) && back == o));
        Assert.All(Enum.GetValues<ComplaintOutcome>(), o =>
            Assert.True(LifecycleCodes.TryParse(LifecycleCodes.Code(o), out ComplaintOutcome back) && back == o));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Received")] // codes are lower case, exactly
    [InlineData("awaitingclarification")]
    public void Reads_no_other_spelling(string? code) => Assert.False(LifecycleCodes.TryParse(code, out CaseStatus _));

    [Fact]
    public void Refuses_to_name_a_value_outside_the_enum() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LifecycleCodes.Code((CaseStatus)99));
}
