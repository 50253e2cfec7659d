using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// The explanation is what an officer shows a citizen who disputes a date.
public sealed class Explaining_a_due_date
{
    [Fact]
    public void Names_the_rule_day_zero_the_skipped_holidays_and_the_extension()
    {
        var due = LegalClock.Compute(new DeadlineQuery(Regime.Information, DeadlineStep.Answer,
            Given.Date("2018-07-23"), Extended: true), Given.Rules, Given.Morocco);
        var text = string.Join("\n", due.Explanation);
        Assert.Equal(Given.Date("2018-09-26"), due.DueOn);
        Assert.Equal("2026.1", due.RuleVersion);
        Assert.Contains("table 2026.1", text, StringComparison.Ordinal);
        Assert.Contains("Loi n° 31-13", text, StringComparison.Ordinal);
        Assert.Contains("Jour zéro : lundi 23 juillet 2018 (non compté).", text, StringComparison.Ordinal);
        Assert.Contains("Fin du délai de 20 jours ouvrables : mardi 28 août 2018.", text, StringComparison.Ordinal);
        Assert.Contains("Prorogation (une seule fois) : +20 jours ouvrables", text, StringComparison.Ordinal);
        Assert.Contains("lundi 30 juillet 2018 (Fête du Trône)", text, StringComparison.Ordinal);
        Assert.Contains("mercredi 22 août 2018 (Aïd Al-Adha)", text, StringComparison.Ordinal);
        Assert.Contains("mardi 11 septembre 2018 (1er Moharram", text, StringComparison.Ordinal);
        Assert.Contains("18 jours de week-end", text, StringComparison.Ordinal);
        Assert.Equal("Échéance : mercredi 26 septembre 2018.", due.Explanation[^1]);
    }

    [Fact]
    public void Shows_the_move_of_a_calendar_deadline_ending_on_a_day_off()
    {
        var due = LegalClock.Compute(new DeadlineQuery(Regime.Complaint, DeadlineStep.Answer, Given.Date("2025-04-08")),
            Given.Rules, Given.Morocco);
        var text = string.Join("\n", due.Explanation);
        Assert.Contains("Le 60e jour calendaire après le jour zéro est le samedi 7 juin 2025.", due.Explanation);
        Assert.Contains("samedi 7 juin 2025 (week-end ; Aïd Al-Adha)", text, StringComparison.Ordinal);
        Assert.Contains("lundi 9 juin 2025 (Congé exceptionnel (Aïd Al-Adha))", text, StringComparison.Ordinal);
        Assert.Contains("reportée au jour ouvrable suivant", text, StringComparison.Ordinal);
        Assert.Equal("Échéance : mardi 10 juin 2025.", due.Explanation[^1]);
    }

    [Fact]
    public void Shows_each_pause_added_back()
    {
        var due = LegalClock.Compute(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, Given.Date("2019-03-04"),
            Pauses: [Given.Pause("2019-03-11", "2019-03-12"), Given.Pause("2019-03-25", "2019-03-27")]),
            Given.Rules, Given.Morocco);
        Assert.Contains(due.Explanation, l => l.StartsWith("Suspension pour clarification du lundi 11 mars 2019 au mardi 12 mars 2019 : 2 jours ouvrables rajoutés", StringComparison.Ordinal));
        Assert.Contains(due.Explanation, l => l.Contains(": 3 jours ouvrables rajoutés, l'échéance passe au lundi 8 avril 2019.", StringComparison.Ordinal));
    }

    [Fact]
    public void Warns_when_the_date_depends_on_an_estimated_holiday()
    {
        var due = LegalClock.Compute(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, Given.Date("2027-02-22"),
            Urgent: false), Given.Rules, Given.Morocco);
        Assert.Contains(due.Explanation, l => l.StartsWith("Attention : dates estimées", StringComparison.Ordinal)
            && l.Contains("Aïd Al-Fitr (mercredi 10 mars 2027)", StringComparison.Ordinal));
    }

    [Fact]
    public void States_the_urgent_period()
    {
        var due = LegalClock.Compute(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, Given.Date("2024-04-09"),
            Urgent: true), Given.Rules, Given.Morocco);
        Assert.Contains("Demande urgente : le délai est de 3 jours ouvrables au lieu de 20.", due.Explanation);
        Assert.Equal(Given.Date("2024-04-17"), due.DueOn);
    }
}
