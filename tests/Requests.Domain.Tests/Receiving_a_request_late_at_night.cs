using Requests.Domain.Calendar;

namespace Requests.Domain.Tests;

// Legal dates are Casablanca dates: UTC+1 most of the year, UTC+0 during Ramadan.
public sealed class Receiving_a_request_late_at_night
{
    private static readonly TimeZoneInfo Casablanca = TimeZoneInfo.FindSystemTimeZoneById(LegalTime.MoroccoZoneId);

    [Fact] // Fri 10 Jan 2025, 23:30 at UTC+1 is 22:30 UTC
    public void At_half_past_eleven_on_a_friday_it_is_received_that_friday() =>
        Assert.Equal(new DateOnly(2025, 1, 10),
            LegalTime.LocalDate(new DateTimeOffset(2025, 1, 10, 22, 30, 0, TimeSpan.Zero), Casablanca));

    [Fact] // Ramadan 2025: clocks back to UTC+0 from 23 Feb to 6 Apr; Fri 7 Mar 23:30 local is 23:30 UTC
    public void During_ramadan_half_past_eleven_on_a_friday_is_still_that_friday() =>
        Assert.Equal(new DateOnly(2025, 3, 7),
            LegalTime.LocalDate(new DateTimeOffset(2025, 3, 7, 23, 30, 0, TimeSpan.Zero), Casablanca));

    [Fact] // Thu 9 Jan 2025 23:30 UTC is already Fri 00:30 in Casablanca
    public void Half_past_eleven_utc_on_a_thursday_is_friday_in_casablanca() =>
        Assert.Equal(new DateOnly(2025, 1, 10),
            LegalTime.LocalDate(new DateTimeOffset(2025, 1, 9, 23, 30, 0, TimeSpan.Zero), Casablanca));

    [Fact] // the same UTC instant during Ramadan is still Thursday 23:30 locally
    public void Half_past_eleven_utc_during_ramadan_is_still_thursday() =>
        Assert.Equal(new DateOnly(2025, 3, 6),
            LegalTime.LocalDate(new DateTimeOffset(2025, 3, 6, 23, 30, 0, TimeSpan.Zero), Casablanca));
}
