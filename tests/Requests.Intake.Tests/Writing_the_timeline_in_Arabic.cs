using System.Text.RegularExpressions;
using Requests.Contracts.Routing;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Intake.Cases;
using Requests.Intake.Storage;
using Requests.Notifications.Templates;
using static Requests.Intake.Tests.RoutingEvents;

namespace Requests.Intake.Tests;

/// <summary>Every step of the citizen's timeline, every status and every action has its own Arabic text.</summary>
public sealed partial class Writing_the_timeline_in_Arabic
{
    private static readonly DateOnly DueOn = Day("2026-11-24");

    // every move the lifecycle allows, in both regimes, with each outcome an answer may have
    public static TheoryData<Regime, Transition, string?> Moves()
    {
        var data = new TheoryData<Regime, Transition, string?>();
        foreach (var regime in new[] { Regime.Information, Regime.Complaint })
            foreach (var move in CaseLifecycle.Transitions(regime))
                foreach (var outcome in Outcomes(regime, move.Trigger))
                    data.Add(regime, move, outcome);
        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void Each_move_reads_in_Arabic_with_western_digits(Regime regime, Transition transition, string? outcome)
    {
        var move = Move(regime, transition, outcome);
        var codes = MoveCodes.Parse(move.Trigger, move.FromStatus, move.ToStatus, move.Outcome, move.RefusalGround);

        var arabic = CitizenTexts.Move(move, codes, null, "DAI-2026-000002", Day("2027-01-22"), DueOn, Language.Arabic);
        var french = CitizenTexts.Move(move, codes, null, "DAI-2026-000002", Day("2027-01-22"), DueOn, Language.French);

        AssertArabic(arabic);
        Assert.NotEqual(french, arabic);
        if (transition.Trigger is CaseTrigger.Accept or CaseTrigger.Extend or CaseTrigger.ReceiveClarification or CaseTrigger.Reopen)
            Assert.Contains("24 نونبر 2026", arabic, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refusal_names_its_legal_ground_in_Arabic()
    {
        var move = Move(Regime.Information, new Transition(CaseStatus.Accepted, CaseTrigger.Answer, CaseStatus.Answered), "refused");
        var codes = MoveCodes.Parse(move.Trigger, move.FromStatus, move.ToStatus, move.Outcome, move.RefusalGround);

        var text = CitizenTexts.Move(move, codes, null, null, null, null, Language.Arabic);

        Assert.Contains(RefusalGrounds.Of(RefusalGround.PrivateLife).LabelAr, text, StringComparison.Ordinal);
        Assert.Contains("23 دجنبر 2026", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("information")]
    [InlineData("complaint")]
    public void Silences_receipts_corrections_and_refused_actions_read_in_Arabic(string regime)
    {
        var record = new CaseRecord
        {
            Regime = regime, Kind = regime == "information" ? "request" : "complaint", BodyCode = "MEF", Channel = "portal",
            Language = "ar", Subject = "s", Description = "d", RequesterName = "n", RequesterIdentity = "AB123456",
            RuleVersion = "v", AccessCodeHash = [], Status = "received", ReceivedOn = Day("2026-10-23"), DueOn = DueOn,
        };
        var change = new DueDateChanged(Guid.NewGuid(), "DAI-2026-000001", "answer", Day("2026-11-25"), DueOn, "سبب",
            DateTimeOffset.UnixEpoch);

        AssertArabic(CitizenTexts.Received(record, null, null, Language.Arabic));
        AssertArabic(CitizenTexts.Assigned(DueOn, Language.Arabic));
        AssertArabic(CitizenTexts.DeadlineMissed(regime, record.Kind, DueOn, Day("2026-12-23"), Language.Arabic));
        AssertArabic(CitizenTexts.HeadSilence(DueOn, Day("2027-01-22"), Language.Arabic));
        AssertArabic(CitizenTexts.DueDateChanged(change, DeadlineStep.Answer, Language.Arabic));
        foreach (var action in CitizenActions.All)
        {
            AssertArabic(CitizenTexts.ActionRefused(action.Code, "", Language.Arabic));
            foreach (var state in new[] { "pending", "done", "refused" })
                AssertArabic(CitizenTexts.Action(new CitizenAction { Action = action.Code, State = state, Rating = 4 }, Language.Arabic));
        }
        Assert.Contains("تم التوصل بملفكم عبر البوابة في الجمعة 23 أكتوبر 2026", CitizenTexts.Received(record, null, null, Language.Arabic),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_status_has_an_Arabic_label()
    {
        foreach (var status in LifecycleCodes.All<CaseStatus>())
            AssertArabic(CitizenTexts.Status(status, Language.Arabic));
    }

    private static IEnumerable<string?> Outcomes(Regime regime, CaseTrigger trigger) => (regime, trigger) switch
    {
        (Regime.Information, CaseTrigger.Answer or CaseTrigger.AnswerRecourse) => [.. LifecycleCodes.All<AnswerOutcome>()],
        (Regime.Complaint, CaseTrigger.Answer) => [.. LifecycleCodes.All<ComplaintOutcome>()],
        _ => [null],
    };

    private static CaseMoved Move(Regime regime, Transition transition, string? outcome)
    {
        var receipt = new FiledReceipt(Guid.NewGuid(), "DAI-2026-000001", "", DateTimeOffset.UnixEpoch, Day("2026-10-23"), DueOn, "v");
        var information = regime == Regime.Information;
        return Moved(receipt, 3, LifecycleCodes.Code(transition.Trigger), LifecycleCodes.Code(transition.From),
            LifecycleCodes.Code(transition.To), information ? "information" : "complaint", information ? "request" : "complaint") with
        {
            Outcome = outcome,
            RefusalGround = outcome is "refused" or "partially-granted" ? "private-life" : null,
            Text = "نص",
            PreviousDueOn = Day("2026-11-10"),
            RecourseLastDay = Day("2026-12-23"),
            RedirectedTo = "MJ",
            Rating = 4,
        };
    }

    // Arabic letters, no French word, and digits only Western ones
    private static void AssertArabic(string text)
    {
        Assert.Matches(ArabicLetter(), text);
        Assert.DoesNotMatch(LatinWord(), text);
        Assert.DoesNotMatch(EasternDigit(), text);
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();

    // the tracking numbers, the body code and CDAI are the only Latin letters an Arabic text may hold
    [GeneratedRegex(@"\b(?!DAI\b|MJ\b|CDAI\b)[A-Za-zÀ-ÿ]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[\u0660-\u0669\u06F0-\u06F9]")]
    private static partial Regex EasternDigit();
}
