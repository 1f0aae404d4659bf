using System.Globalization;
using Han.Integrations.HomeAssistant.Statistics;
using Han.Readings;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>
/// A builder that goes on from where an earlier run of han stopped (<see cref="HourlyStatisticsBuilder.ResumeFrom"/>):
/// the first register after the restart closes the hours since the remembered one by the usual rules.
/// </summary>
public sealed class HourlyStatisticsBuilderResumeTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>Han stopped after the register of 09:00 (Oslo, 08:00 UTC): 1000 kWh, 50 kWh counted so far.</summary>
    private static readonly StatisticPosition NineOClock = new(Utc("2026-03-01T08:00:00Z"), 1000m, 50m);

    [Fact]
    public void ResumeFrom_RestartWithinTheHour_FirstRegisterClosesTheHourOfTheRestart()
    {
        var builder = Resumed(NineOClock);

        var step = builder.Add(Clock("2026-03-01T10:00:00"), 1001.5m, Utc("2026-03-01T09:00:10Z"));

        var row = Assert.Single(step.Rows);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1)), row.Start);
        Assert.Equal(1.5m, row.State);
        Assert.Equal(51.5m, row.Sum); // the remembered count goes on
        Assert.False(row.Spread);
        Assert.Null(step.Note);
    }

    [Fact]
    public void ResumeFrom_StoppedForThreeHours_TheGapIsSharedOutAndMarked()
    {
        var builder = Resumed(NineOClock);

        var step = builder.Add(Clock("2026-03-01T12:00:00"), 1003m, Utc("2026-03-01T11:00:10Z"));

        Assert.Equal(new[] { 9, 10, 11 }, step.Rows.Select(r => r.Start.Hour));
        Assert.Equal(new[] { 1m, 1m, 1m }, step.Rows.Select(r => r.State));
        Assert.Equal(53m, step.Rows[^1].Sum);
        Assert.All(step.Rows, r => Assert.True(r.Spread));
        Assert.Null(step.Note);
    }

    [Fact]
    public void ResumeFrom_MemoryOlderThanMaxSpreadHours_StartsAgainWithANote()
    {
        var builder = Resumed(NineOClock);
        var later = new DateTime(2026, 3, 1, 9, 0, 0).AddHours(HourlyStatisticsBuilder.MaxSpreadHours + 1);

        var step = builder.Add(new MeterClock(later, null), 1030m, new DateTimeOffset(later, TimeSpan.FromHours(1)).AddSeconds(10));
        var next = Assert.Single(builder.Add(new MeterClock(later.AddHours(1), null), 1031m, new DateTimeOffset(later.AddHours(1), TimeSpan.FromHours(1)).AddSeconds(10)).Rows);

        Assert.Empty(step.Rows);
        Assert.StartsWith("no hourly register came for 25 hours", step.Note, StringComparison.Ordinal);
        Assert.Equal(1m, next.State);
        Assert.Equal(51m, next.Sum); // the energy of the long stop is left out, the sum does not jump
    }

    [Fact]
    public void ResumeFrom_RegisterWentDown_StartsAgainWithANote()
    {
        var builder = Resumed(NineOClock);

        var step = builder.Add(Clock("2026-03-01T10:00:00"), 3m, Utc("2026-03-01T09:00:10Z"));

        Assert.Empty(step.Rows);
        Assert.StartsWith("the register went down from 1000 kWh to 3 kWh", step.Note, StringComparison.Ordinal);
        Assert.Equal(new StatisticPosition(Utc("2026-03-01T09:00:00Z"), 3m, 50m), builder.Position);
    }

    [Fact]
    public void ResumeFrom_ClockWentBack_StartsAgainWithANote()
    {
        var builder = Resumed(NineOClock);

        var step = builder.Add(Clock("2026-03-01T07:00:00"), 1000m, Utc("2026-03-01T06:00:10Z"));

        Assert.Empty(step.Rows);
        Assert.StartsWith("the meter clock went back", step.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeFrom_TheRememberedHourSentAgain_ClosesNothing()
    {
        // Restarted within the first minute of the hour: the same hourly list comes again.
        var builder = Resumed(NineOClock);

        var step = builder.Add(Clock("2026-03-01T09:00:00"), 1000m, Utc("2026-03-01T08:00:40Z"));

        Assert.Equal(HourlyStep.Nothing, step);
        Assert.Equal(NineOClock, builder.Position);
    }

    [Fact]
    public void ResumeFrom_AfterTheFirstRegister_IsRefused()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.Add(Clock("2026-03-01T09:00:00"), 1000m, Utc("2026-03-01T08:00:10Z"));

        Assert.Throws<InvalidOperationException>(() => builder.ResumeFrom(NineOClock));
    }

    [Fact]
    public void Position_EachClosedHour_IsTheLastRegisterWithTheSum()
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        Assert.Null(builder.Position);

        builder.Add(Clock("2026-03-01T09:00:00"), 1000m, Utc("2026-03-01T08:00:10Z"));
        Assert.Equal(new StatisticPosition(Utc("2026-03-01T08:00:00Z"), 1000m, 0m), builder.Position);

        builder.Add(Clock("2026-03-01T10:00:00"), 1000.75m, Utc("2026-03-01T09:00:10Z"));
        Assert.Equal(new StatisticPosition(Utc("2026-03-01T09:00:00Z"), 1000.75m, 0.75m), builder.Position);
    }

    private static HourlyStatisticsBuilder Resumed(StatisticPosition position)
    {
        var builder = new HourlyStatisticsBuilder(Oslo);
        builder.ResumeFrom(position);
        return builder;
    }

    private static MeterClock Clock(string local) => new(DateTime.Parse(local, CultureInfo.InvariantCulture), null);

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
