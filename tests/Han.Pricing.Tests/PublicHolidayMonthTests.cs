using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>Public holidays are billed at the night/weekend price on working-day tariffs.</summary>
public class PublicHolidayMonthTests
{
    [Theory]
    [InlineData(2026, 4)] // Maundy Thursday 2 Apr, Good Friday 3 Apr, Easter Monday 6 Apr
    [InlineData(2026, 5)] // 1 May (Friday), Ascension 14 May, Whit Monday 25 May; 17 May is a Sunday
    [InlineData(2027, 5)] // Ascension 6 May; 17 May is both Constitution Day and Whit Monday
    [InlineData(2025, 12)] // 25 and 26 December (Thursday, Friday); 24 and 31 December stay working days
    public void Compute_MonthWithPublicHolidays_BillsThemAtTheLowPrice(int year, int month)
    {
        var hours = Scenario.Month(year, month, _ => 1m, _ => 0.5m);

        var report = Scenario.Run(Scenario.Settings(), CostPeriod.Month(year, month), hours);

        var workingDays = Enumerable.Range(1, DateTime.DaysInMonth(year, month))
            .Select(d => new DateOnly(year, month, d))
            .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Oslo.Holidays.Contains(d));
        Assert.Equal(workingDays * 16m, report.Lines.Where(l => l.Item == "Energiledd Virkedag").Sum(l => l.Quantity));
        ReportAssert.Matches(ReferenceBill.Compute(hours), report);
    }

    [Fact]
    public void Compute_SeventeenthOfMayOnAWeekday_IsAtTheLowPriceAllDay()
    {
        // 17 May 2027 is a Monday (and Whit Monday).
        var hours = Oslo.Hours(new DateOnly(2027, 5, 17), new DateOnly(2027, 5, 18))
            .Select(h => new TestHour(h.Utc, h.Local, 2m, 0.5m)).ToList();

        var report = Scenario.Run(Scenario.Settings(), new CostPeriod(new DateOnly(2027, 5, 17), new DateOnly(2027, 5, 18)), hours);

        var energiledd = report.Line(LineKind.EnergyCharge);
        Assert.Equal("Energiledd grunnpris", energiledd.Item);
        Assert.Equal(48m, energiledd.Quantity);
    }

    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_KnownYears_MatchesTheCalendar(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), NorwegianHolidays.EasterSunday(year));

    [Fact]
    public void Of_2025To2027_AreTheCalendarsHolidays() =>
        Assert.Equal(
            Oslo.Holidays.Order(),
            NorwegianHolidays.Of(2025).Concat(NorwegianHolidays.Of(2026)).Concat(NorwegianHolidays.Of(2027)));
}
