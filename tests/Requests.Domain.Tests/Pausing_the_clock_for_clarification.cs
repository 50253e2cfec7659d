using Requests.Domain.Deadlines;

namespace Requests.Domain.Tests;

// A clarification pause stops the clock: its days after day zero are added back in the deadline's unit.
// Reference: received Mon 4 Mar 2019, no holiday until 1 May, so the answer is due Mon 1 Apr without pause.
public sealed class Pausing_the_clock_for_clarification
{
    [Fact] // Mon 11–Fri 15 Mar: 5 working days added back: Mon 8 Apr
    public void A_week_long_pause_adds_five_working_days() => Assert.Equal(Given.Date("2019-04-08"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04", pauses: Given.Pause("2019-03-11", "2019-03-15")));

    [Fact] // Wed 13–Tue 19 Mar: the weekend inside was not counted anyway, 5 working days: Mon 8 Apr
    public void A_pause_across_a_weekend_adds_only_its_working_days() => Assert.Equal(Given.Date("2019-04-08"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04", pauses: Given.Pause("2019-03-13", "2019-03-19")));

    [Fact] // Mon 11–Tue 12 (2) and Mon 25–Wed 27 Mar (3): 5 working days: Mon 8 Apr
    public void Several_pauses_add_up() => Assert.Equal(Given.Date("2019-04-08"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04",
            pauses: [Given.Pause("2019-03-25", "2019-03-27"), Given.Pause("2019-03-11", "2019-03-12")]));

    [Fact] // received Mon 15 Apr 2019, due Tue 14 May; pause Mon 29 Apr–Fri 3 May holds Labour Day Wed 1: 4 added: Mon 20 May
    public void A_holiday_inside_a_pause_is_not_added_twice() => Assert.Equal(Given.Date("2019-05-20"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-04-15", pauses: Given.Pause("2019-04-29", "2019-05-03")));

    [Fact] // 17 working days run by Wed 27 Mar; paused Thu 28 Mar–Fri 12 Apr; 3 more: Mon 15, Tue 16, Wed 17 Apr
    public void A_pause_running_past_the_original_due_date_stops_the_clock() => Assert.Equal(Given.Date("2019-04-17"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04", pauses: Given.Pause("2019-03-28", "2019-04-12")));

    [Fact] // Mon 4–Wed 6 Mar: day zero is not counted anyway, Tue 5 and Wed 6 added: Wed 3 Apr
    public void A_pause_from_the_day_of_receipt_adds_only_the_days_after_it() => Assert.Equal(Given.Date("2019-04-03"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04", pauses: Given.Pause("2019-03-04", "2019-03-06")));

    [Fact] // asked on the last day, Mon 1–Tue 2 Apr: the clock was still running, 2 days added: Wed 3 Apr
    public void A_pause_asked_on_the_due_date_still_counts() => Assert.Equal(Given.Date("2019-04-03"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04", pauses: Given.Pause("2019-04-01", "2019-04-02")));

    [Fact] // extended: due Mon 29 Apr; pause Mon 15–Fri 19 Apr (5); Labour Day Wed 1 May skipped: Tue 7 May
    public void A_pause_during_an_extension_is_added_after_it() => Assert.Equal(Given.Date("2019-05-07"),
        Given.Due(Regime.Information, DeadlineStep.Answer, "2019-03-04", extended: true,
            pauses: Given.Pause("2019-04-15", "2019-04-19")));

    [Fact] // complaint of Mon 8 Jan 2024: 60th day Fri 8 Mar; paused Fri 19–Mon 22 Jan, 4 calendar days: Tue 12 Mar
    public void A_complaint_pause_adds_calendar_days_weekends_included() => Assert.Equal(Given.Date("2024-03-12"),
        Given.Due(Regime.Complaint, DeadlineStep.Answer, "2024-01-08", pauses: Given.Pause("2024-01-19", "2024-01-22")));

    [Fact] // one day paused: the end moves to Sat 9 Mar, then to the next working day: Mon 11 Mar
    public void A_complaint_pause_ending_on_a_weekend_still_moves_to_a_working_day() => Assert.Equal(Given.Date("2024-03-11"),
        Given.Due(Regime.Complaint, DeadlineStep.Answer, "2024-01-08", pauses: Given.Pause("2024-01-10", "2024-01-10")));

    [Fact] // Wed 10–Thu 11 Jan (2) and Thu 1–Sat 3 Feb (3): 5 calendar days after Fri 8 Mar: Wed 13 Mar
    public void Several_complaint_pauses_add_up() => Assert.Equal(Given.Date("2024-03-13"),
        Given.Due(Regime.Complaint, DeadlineStep.Answer, "2024-01-08",
            pauses: [Given.Pause("2024-01-10", "2024-01-11"), Given.Pause("2024-02-01", "2024-02-03")]));
}
