using Han.Integrations.HomeAssistant.Statistics;
using Han.Readings;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>Hourly registers to statistic rows: the right hour (DST days too), the hour's energy, the running sum, gaps and repeats.</summary>
public sealed class HourlyStatisticsBuilderTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public void Add_RegisterAtTheHour_ClosesTheHourBeforeWithItsEnergy()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);

        var first = builder.Add(Clock("2026-03-01T09:00:00"), 1000.25m, Received("2026-03-01T08:00:10Z"));
        var second = builder.Add(Clock("2026-03-01T10:00:00"), 1001.48m, Received("2026-03-01T09:00:10Z"));

        Assert.Empty(first.Rows); // the hour before the first register has no start
        var row = Assert.Single(second.Rows);
        Assert.Equal(DateTimeOffset.Parse("2026-03-01T09:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture), row.Start);
        Assert.Equal(TimeSpan.FromHours(1), row.Start.Offset);
        Assert.Equal(1.23m, row.State);
        Assert.Equal(1.23m, row.Sum);
        Assert.False(row.Spread);
    }

    [Fact]
    public void Add_ADayOfHours_SumsRunOnExactly()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        var rows = new List<StatisticRow>();

        for (var hour = 0; hour <= 24; hour++)
        {
            var local = new DateTime(2026, 1, 15, 0, 0, 0).AddHours(hour);
            rows.AddRange(builder.Add(new MeterClock(local, null), 5000m + (hour * 0.1m), new DateTimeOffset(local, TimeSpan.FromHours(1))).Rows);
        }

        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.Equal(0.1m, r.State));
        Assert.Equal(2.4m, rows[^1].Sum);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => i * 0.1m), rows.Select(r => r.Sum));
    }

    [Fact]
    public void Add_SpringDay_Has23HoursAndSkipsTwoOClock()
    {
        // 2026-03-29 in Europe/Oslo: 02:00 CET becomes 03:00 CEST; the meter clock goes 01:00, 03:00, 04:00.
        var rows = Day(new DateTime(2026, 3, 29), new DateTime(2026, 3, 30));

        Assert.Equal(23, rows.Count);
        Assert.DoesNotContain(rows, r => r.Start.Hour == 2);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.FromHours(1)), rows[1].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), rows[2].Start);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second.Start - pair.First.Start));
        Assert.All(rows, r => Assert.Equal(1m, r.State));
    }

    [Fact]
    public void Add_AutumnDay_Has25HoursWithTwoOClockTwice()
    {
        // 2026-10-25 in Europe/Oslo: 03:00 CEST becomes 02:00 CET; the meter clock says 02:00 twice.
        var rows = Day(new DateTime(2026, 10, 25), new DateTime(2026, 10, 26));

        Assert.Equal(25, rows.Count);
        var twoOClock = rows.Where(r => r.Start.Hour == 2).ToList();
        Assert.Equal(2, twoOClock.Count);
        Assert.Equal(TimeSpan.FromHours(2), twoOClock[0].Start.Offset);
        Assert.Equal(TimeSpan.FromHours(1), twoOClock[1].Start.Offset);
        Assert.All(rows.Zip(rows.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second.Start - pair.First.Start));
        Assert.Equal(25m, rows[^1].Sum);
    }

    [Fact]
    public void Add_MeterStatesItsOffset_TheOffsetDecides()
    {
        var builder = new HourlyStatisticsBuilder(TimeZoneInfo.Utc); // the zone is not asked when the meter says its offset

        builder.Add(new MeterClock(new DateTime(2026, 6, 1, 10, 0, 0), TimeSpan.FromHours(2)), 10m, Received("2026-06-01T08:00:05Z"));
        var row = Assert.Single(builder.Add(new MeterClock(new DateTime(2026, 6, 1, 11, 0, 0), TimeSpan.FromHours(2)), 11m, Received("2026-06-01T09:00:05Z")).Rows);

        Assert.Equal(DateTimeOffset.Parse("2026-06-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), row.Start);
    }

    [Fact]
    public void Add_RepeatedListAndLaterRegistersInTheHour_MakeNoSecondRow()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.Add(Clock("2026-03-01T09:00:00"), 100m, Received("2026-03-01T08:00:10Z"));

        var closing = builder.Add(Clock("2026-03-01T10:00:00"), 101m, Received("2026-03-01T09:00:10Z"));
        var repeat = builder.Add(Clock("2026-03-01T10:00:10"), 101.001m, Received("2026-03-01T09:00:20Z")); // a P1 telegram 10 s later
        var later = builder.Add(Clock("2026-03-01T10:30:00"), 101.5m, Received("2026-03-01T09:30:00Z"));

        Assert.Single(closing.Rows);
        Assert.Empty(repeat.Rows);
        Assert.Empty(later.Rows);
        Assert.Null(repeat.Note);
        var next = Assert.Single(builder.Add(Clock("2026-03-01T11:00:00"), 102m, Received("2026-03-01T10:00:10Z")).Rows);
        Assert.Equal(1m, next.State); // from the register that closed 10:00, not the later ones
    }

    [Fact]
    public void Add_GapOfThreeHours_SharesTheEnergyOutAndKeepsTheSumExact()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.Add(Clock("2026-03-01T09:00:00"), 100m, Received("2026-03-01T08:00:10Z"));

        var step = builder.Add(Clock("2026-03-01T12:00:00"), 101m, Received("2026-03-01T11:00:10Z"));

        Assert.Equal(3, step.Rows.Count);
        Assert.Equal(new[] { 9, 10, 11 }, step.Rows.Select(r => r.Start.Hour));
        Assert.Equal(new[] { 0.333m, 0.333m, 0.334m }, step.Rows.Select(r => r.State));
        Assert.Equal(1m, step.Rows[^1].Sum);
        Assert.All(step.Rows, r => Assert.True(r.Spread));
        Assert.Null(step.Note);
    }

    [Fact]
    public void Add_GapLongerThanADay_StartsAgainAndSaysSo()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.Add(Clock("2026-03-01T09:00:00"), 100m, Received("2026-03-01T08:00:10Z"));
        builder.Add(Clock("2026-03-01T10:00:00"), 101m, Received("2026-03-01T09:00:10Z"));

        var step = builder.Add(Clock("2026-03-03T10:00:00"), 150m, Received("2026-03-03T09:00:10Z"));
        var next = builder.Add(Clock("2026-03-03T11:00:00"), 152m, Received("2026-03-03T10:00:10Z"));

        Assert.Empty(step.Rows);
        Assert.Contains("no hourly register came for 48 hours", step.Note, StringComparison.Ordinal);
        Assert.Contains("49 kWh of that time are left out", step.Note, StringComparison.Ordinal);
        var row = Assert.Single(next.Rows);
        Assert.Equal(2m, row.State);
        Assert.Equal(3m, row.Sum); // the sum goes on from before the gap, never back
    }

    [Fact]
    public void Add_RegisterGoesDown_StartsAgainWithoutANegativeHour()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.Add(Clock("2026-03-01T09:00:00"), 100m, Received("2026-03-01T08:00:10Z"));

        var step = builder.Add(Clock("2026-03-01T10:00:00"), 3m, Received("2026-03-01T09:00:10Z"));
        var next = builder.Add(Clock("2026-03-01T11:00:00"), 4m, Received("2026-03-01T10:00:10Z"));

        Assert.Empty(step.Rows);
        Assert.Contains("the register went down from 100 kWh to 3 kWh", step.Note, StringComparison.Ordinal);
        Assert.Equal(1m, Assert.Single(next.Rows).State);
    }

    [Fact]
    public void Add_ClockGoesBack_StartsAgainAndSaysSo()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.Add(Clock("2026-03-01T09:00:00"), 100m, Received("2026-03-01T08:00:10Z"));

        var step = builder.Add(Clock("2026-03-01T07:00:00"), 101m, Received("2026-03-01T09:00:10Z"));

        Assert.Empty(step.Rows);
        Assert.Contains("the meter clock went back", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_AutumnNightWithOnlyHourlyLists_TheMovedRegisterTellsTheSecondTwoOClock()
    {
        // An Aidon sends its clock only in the hourly list: the register moving says it is a new hour.
        var rows = Day(new DateTime(2026, 10, 25), new DateTime(2026, 10, 26), between: false);

        Assert.Equal(25, rows.Count);
        Assert.DoesNotContain(rows, r => r.Spread);
        Assert.Equal(new[] { TimeSpan.FromHours(2), TimeSpan.FromHours(1) }, rows.Where(r => r.Start.Hour == 2).Select(r => r.Start.Offset));
        Assert.Equal(25m, rows[^1].Sum);
    }

    [Fact]
    public void Add_AutumnNightSecondTwoOClockSentTwice_MakesNoSecondRow()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        var at = Received("2026-10-25T01:00:10Z");
        builder.Add(Clock("2026-10-25T01:00:00"), 10m, at);
        builder.Add(Clock("2026-10-25T02:00:00"), 11m, at);
        builder.Add(Clock("2026-10-25T02:00:00"), 12m, at);

        var again = builder.Add(Clock("2026-10-25T02:00:00"), 12m, at);
        var three = Assert.Single(builder.Add(Clock("2026-10-25T03:00:00"), 13m, at).Rows);

        Assert.Empty(again.Rows);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.FromHours(1)), three.Start);
        Assert.Equal(3m, three.Sum);
    }

    [Fact]
    public void Add_ReceivedLongAfterTheMeterClock_TheClockDecides()
    {
        // A replayed or simulated meter: its clock says October, han's clock says December.
        var builder = new HourlyStatisticsBuilder(Oslo);
        var december = Received("2026-12-02T03:00:00Z");

        builder.Add(Clock("2026-10-25T01:00:00"), 10m, december);
        builder.See(Clock("2026-10-25T01:50:00"), december);
        var first = Assert.Single(builder.Add(Clock("2026-10-25T02:00:00"), 11m, december).Rows); // still summer time: 01:50 came before
        builder.See(Clock("2026-10-25T02:00:10"), december);
        builder.See(Clock("2026-10-25T02:50:00"), december);
        var second = Assert.Single(builder.Add(Clock("2026-10-25T02:00:00"), 12m, december).Rows);

        Assert.Equal(Received("2026-10-24T23:00:00Z"), first.Start);
        Assert.Equal(Received("2026-10-25T00:00:00Z"), second.Start);
        Assert.Equal(TimeSpan.FromHours(2), second.Start.Offset);
    }

    /// <summary>
    /// Registers at every real hour boundary of the day as the meter's wall clock shows them, 1 kWh an
    /// hour, and (<paramref name="between"/>) a list without registers every ten minutes, as meters send.
    /// </summary>
    private static List<StatisticRow> Day(DateTime from, DateTime until, bool between = true)
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        var rows = new List<StatisticRow>();
        var start = TimeZoneInfo.ConvertTimeToUtc(from, Oslo);
        var end = TimeZoneInfo.ConvertTimeToUtc(until, Oslo);
        var register = 1000m;
        for (var instant = start; instant <= end; instant = instant.AddMinutes(10))
        {
            var wall = new MeterClock(DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(instant, Oslo), DateTimeKind.Unspecified), null);
            var received = new DateTimeOffset(instant, TimeSpan.Zero).AddSeconds(10);
            if (instant.Minute == 0)
            {
                rows.AddRange(builder.Add(wall, register++, received).Rows);
            }
            else if (between)
            {
                builder.See(wall, received);
            }
        }

        return rows;
    }

    private static MeterClock Clock(string local) => new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), null);

    private static DateTimeOffset Received(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
