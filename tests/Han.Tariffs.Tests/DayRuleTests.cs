using Han.Pricing;

namespace Han.Tariffs.Tests;

/// <summary>
/// fri-nettleie's day, month and hour conditions read from files and applied by the engine: public
/// holidays, weekends, seasons, a night range across midnight, and the first matching exception winning.
/// </summary>
public class DayRuleTests
{
    /// <summary>A user's own tariff using every kind of condition; the exceptions are tried in order.</summary>
    private const string Seasons = """
        netteier: Sesong Nett AS
        tariffer:
          - kundegrupper: [husholdning]
            gyldig_fra: 2026-01-01
            energiledd:
              grunnpris: 10
              unntak:
                - navn: Helligdag
                  dager: [helligdager]
                  pris: 5
                - navn: Helgenatt
                  timer: 22-5
                  dager: [helg]
                  pris: 7
                - navn: Vinterdag
                  måneder: [januar, februar, mars, november, desember]
                  timer: 6-21
                  dager: [virkedag]
                  pris: 30
                - navn: Dag
                  timer: 6-21
                  dager: [virkedag]
                  pris: 20
            fastledd:
              metode: TRE_DØGNMAX_MND
              terskel_inkludert: true
              terskler:
                - terskel: 0
                  pris: 1200
        """;

    [Theory]
    [InlineData(2026, 4)] // Maundy Thursday 2 Apr, Good Friday 3 Apr, Easter Sunday 5 Apr, Easter Monday 6 Apr
    [InlineData(2026, 3)] // winter; the clocks skip 02:00 on Sunday 29 March
    [InlineData(2026, 5)] // 1 May (Friday), Ascension 14 May, 17 May and Whit Sunday (Sundays), Whit Monday 25 May
    public void Compute_OwnFileWithEveryCondition_BillsEachHourAtTheFirstMatchingPrice(int year, int month)
    {
        var tariff = FriNettleieReader.Read(Seasons, "seasons.yml");
        var hours = Oslo.Month(year, month, _ => 1m);

        var report = Costing.Month(tariff, year, month, hours);

        // The test's own reading of the same rules.
        string Price(DateTime local) =>
            Oslo.IsHoliday(local) ? "Helligdag"
            : Oslo.IsWeekend(local) && (local.Hour >= 22 || local.Hour <= 5) ? "Helgenatt"
            : Oslo.IsWorkingDay(local) && local.Hour is >= 6 and <= 21 ? (local.Month is 1 or 2 or 3 or 11 or 12 ? "Vinterdag" : "Dag")
            : "grunnpris";
        foreach (var name in new[] { "Helligdag", "Helgenatt", "Vinterdag", "Dag", "grunnpris" })
        {
            Assert.Equal((decimal)hours.Count(h => Price(h.Local) == name), report.EnergyKwh(name));
        }

        Assert.Equal((decimal)hours.Count, report.Lines.Where(l => l.Kind == LineKind.EnergyCharge).Sum(l => l.Quantity));
    }

    [Fact]
    public void Compute_ElviaMayWithHolidays_BillsHolidaysAtTheNightPrice()
    {
        var hours = Oslo.Month(2026, 5, _ => 1m);

        var report = Costing.Month(GridTariffs.Resolve("elvia"), 2026, 5, hours);

        // May 2026 has 21 weekdays; 1, 14 and 25 May are holidays on weekdays: 18 working days of 16 hours.
        Assert.Equal(18m * 16m, report.EnergyKwh("Virkedag"));
        Assert.Equal(hours.Count - (18m * 16m), report.EnergyKwh("grunnpris"));
    }

    [Fact]
    public void Read_DayWords_MapToTheEnginesDayKinds()
    {
        var words = "[mandag, tirsdag, onsdag, torsdag, fredag, lørdag, søndag, ukedag, helg, helligdager, fridag, virkedag, alle]";
        var tariff = FriNettleieReader.Read(Seasons.Replace("dager: [helligdager]", $"dager: {words}", StringComparison.Ordinal), "days.yml");

        Assert.Equal(
            new[]
            {
                DayKind.Monday, DayKind.Tuesday, DayKind.Wednesday, DayKind.Thursday, DayKind.Friday, DayKind.Saturday, DayKind.Sunday,
                DayKind.Weekday, DayKind.Weekend, DayKind.PublicHoliday, DayKind.DayOff, DayKind.WorkingDay, DayKind.All,
            },
            tariff.Periods[0].Energy.Rules[0].Days);
    }

    [Fact]
    public void Read_HoursAsAList_KeepsEachRange()
    {
        var tariff = FriNettleieReader.Read(Seasons.Replace("timer: 22-5", "timer: 0-5, 22-23,12", StringComparison.Ordinal), "hours.yml");

        Assert.Equal(new[] { new HourRange(0, 5), new HourRange(22, 23), new HourRange(12, 12) }, tariff.Periods[0].Energy.Rules[1].Hours);
    }

    [Fact]
    public void Read_MonthsAndMissingConditions_AreEmptyForAny()
    {
        var rules = FriNettleieReader.Read(Seasons, "seasons.yml").Periods[0].Energy.Rules;

        Assert.Equal(new[] { 1, 2, 3, 11, 12 }, rules[2].Months);
        Assert.Empty(rules[0].Hours);
        Assert.Empty(rules[0].Months);
        Assert.Empty(rules[3].Months);
    }
}
