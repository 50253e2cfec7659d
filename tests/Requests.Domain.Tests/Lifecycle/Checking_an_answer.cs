using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using static Requests.Domain.Lifecycle.AnswerOutcome;
using static Requests.Domain.Lifecycle.ComplaintOutcome;
using static Requests.Domain.Lifecycle.RefusalGround;

namespace Requests.Domain.Tests.Lifecycle;

public sealed class Checking_an_answer
{
    [Theory]
    [InlineData(Granted, null, null)] // nothing refused, nothing to justify
    [InlineData(Granted, null, "Voici le document.")]
    [InlineData(PartiallyGranted, PrivateLife, "Les noms des agents ont été occultés.")]
    [InlineData(PartiallyGranted, RefusalGround.NotHeld, "Les données de 2015 n'existent pas.")] // part held, part not
    [InlineData(Refused, GovernmentDeliberations, "Délibérations du Conseil de gouvernement.")]
    [InlineData(Refused, RepeatedRequest, "Même demande le 3 mars.")]
    [InlineData(AnswerOutcome.NotHeld, null, "L'organisme ne produit pas ces données.")] // the outcome is the ground
    [InlineData(AnswerOutcome.NotHeld, RefusalGround.NotHeld, "L'organisme ne produit pas ces données.")]
    public void Accepts_a_lawful_information_answer(AnswerOutcome outcome, RefusalGround? ground, string? reasons) =>
        Assert.Null(CaseRules.CheckAnswer(outcome, ground, reasons));

    [Theory]
    [InlineData(Granted, PrivateLife, "x", "cannot name a refusal ground")] // a ground on a grant says something false
    [InlineData(Refused, null, "x", "legal ground")] // Law 31.13: a refusal names its ground
    [InlineData(PartiallyGranted, null, "x", "legal ground")]
    [InlineData(Refused, StateSecurity, null, "reasons in writing")] // ... and is reasoned in writing
    [InlineData(Refused, StateSecurity, "  ", "reasons in writing")]
    [InlineData(PartiallyGranted, Investigations, "", "reasons in writing")]
    [InlineData(AnswerOutcome.NotHeld, null, null, "reasons in writing")]
    [InlineData(Refused, RefusalGround.NotHeld, "x", "outcome not-held")] // one spelling per fact for the report
    [InlineData(AnswerOutcome.NotHeld, AlreadyPublished, "x", "cannot name another ground")]
    [InlineData((AnswerOutcome)9, null, "x", "Unknown answer outcome")]
    [InlineData(Refused, (RefusalGround)99, "x", "Unknown refusal ground")]
    public void Refuses_an_unlawful_information_answer(AnswerOutcome outcome, RefusalGround? ground, string? reasons,
        string error) =>
        Assert.Contains(error, CaseRules.CheckAnswer(outcome, ground, reasons), StringComparison.Ordinal);

    [Theory]
    [InlineData(Founded, "Le service a été rétabli.", null)]
    [InlineData(Unfounded, "La facture est conforme au tarif.", null)]
    [InlineData(NotAdmissible, "L'affaire est pendante devant le tribunal.", null)]
    [InlineData(NotAdmissible, null, "must say why")] // not handled: the complainant is told why
    [InlineData(Founded, " ", "whatever the outcome")] // Decree 2.17.265: reasoned whatever the outcome
    [InlineData(Unfounded, null, "whatever the outcome")]
    public void Wants_reasons_for_every_complaint_answer(ComplaintOutcome outcome, string? reasons, string? error) =>
        Expect(error, CaseRules.CheckAnswer(outcome, null, reasons));

    [Fact]
    public void Refuses_a_refusal_ground_on_a_complaint() =>
        Assert.Contains("no refusal ground", CaseRules.CheckAnswer(Unfounded, PrivateLife, "x"), StringComparison.Ordinal);

    [Theory]
    [InlineData(Regime.Information, "partially-granted", "private-life", "x", null)]
    [InlineData(Regime.Information, "refused", null, "x", "legal ground")]
    [InlineData(Regime.Information, "founded", null, "x", "expected granted, partially-granted, refused or not-held")] // a complaint's outcome
    [InlineData(Regime.Information, "refused", "secret", "x", "Unknown refusal ground 'secret'")]
    [InlineData(Regime.Complaint, "not-admissible", null, "Pendante devant le tribunal.", null)]
    [InlineData(Regime.Complaint, "refused", null, "x", "expected founded, unfounded or not-admissible")]
    [InlineData(Regime.Complaint, "founded", "private-life", "x", "no refusal ground")]
    [InlineData(Regime.Complaint, null, null, "x", "expected founded")]
    public void Reads_the_codes_an_officer_sends(Regime regime, string? outcome, string? ground, string? reasons,
        string? error) =>
        Expect(error, CaseRules.CheckAnswer(regime, outcome, ground, reasons));

    [Theory]
    [InlineData("L'usager a retiré sa demande.", true)]
    [InlineData("", false)] // closing ends a legal duty: the reason goes on record
    [InlineData(null, false)]
    public void Wants_a_reason_to_close_a_case(string? reason, bool lawful) =>
        Assert.Equal(lawful, CaseRules.CheckClose(reason) is null);

    // null: the answer is lawful; otherwise a part of the message the officer reads
    internal static void Expect(string? error, string? found)
    {
        if (error is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(error, found, StringComparison.Ordinal);
        }
    }
}
