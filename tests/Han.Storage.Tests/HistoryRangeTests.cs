using Han.Storage.Queries;

namespace Han.Storage.Tests;

/// <summary>The times users write to the REST API and han export, read in Europe/Oslo (DST days included).</summary>
public sealed class HistoryRangeTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly HistoryRange Defaults = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2025", "2024-12-31T23:00:00Z", "2025-12-31T23:00:00Z")]
    [InlineData("2025-02", "2025-01-31T23:00:00Z", "2025-02-28T23:00:00Z")]
    [InlineData("2025-03", "2025-02-28T23:00:00Z", "2025-03-31T22:00:00Z")]
    [InlineData("2025-03-30", "2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z")] // spring forward: 23 hours
    [InlineData("2025-10-26", "2025-10-25T22:00:00Z", "2025-10-26T23:00:00Z")] // fall back: 25 hours
    public void TryParse_CalendarFromAlone_CoversThePeriodItNamesInTheZone(string from, string start, string end)
    {
        Assert.True(HistoryRange.TryParse(from, null, Oslo, Defaults, ("from", "to"), out var range, out var problem), problem);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), range.To);
    }

    [Fact]
    public void TryParse_DstDays_Have23And25Hours()
    {
        Assert.True(HistoryRange.TryParse("2025-03-30", null, Oslo, Defaults, ("from", "to"), out var spring, out _));
        Assert.True(HistoryRange.TryParse("2025-10-26", null, Oslo, Defaults, ("from", "to"), out var autumn, out _));

        Assert.Equal(TimeSpan.FromHours(23), spring.Length);
        Assert.Equal(TimeSpan.FromHours(25), autumn.Length);
    }

    [Theory]
    [InlineData("2025-03-30T02:00:00+01:00", "2025-03-30T01:00:00Z")]
    [InlineData("2025-03-30T03:30+02:00", "2025-03-30T01:30:00Z")]
    [InlineData("2025-03-30T01:00:00Z", "2025-03-30T01:00:00Z")]
    [InlineData("2025-03-30T01:00:00.250Z", "2025-03-30T01:00:00.25Z")]
    [InlineData("2025-03-30T02:00:00 01:00", "2025-03-30T01:00:00Z")] // a '+' that a query string turned into a space
    public void TryParse_InstantWithOffset_IsThatInstant(string from, string expected)
    {
        Assert.True(HistoryRange.TryParse(from, "2026-01-01", Oslo, Defaults, ("from", "to"), out var range, out var problem), problem);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), range.From);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), range.To);
    }

    [Theory]
    [InlineData("2025-03-30T02:00:00")] // no offset: which hour would it be?
    [InlineData("yesterday")]
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    [InlineData("25")]
    public void TryParse_NotATime_RefusedNamingTheParameterValueAndForms(string from)
    {
        Assert.False(HistoryRange.TryParse(from, null, Oslo, Defaults, ("--from", "--to"), out _, out var problem));

        Assert.StartsWith($"--from '{from}' is not a time; give YYYY, YYYY-MM or YYYY-MM-DD", problem, StringComparison.Ordinal);
        Assert.Contains("ISO 8601 instant with its offset", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ToNotAfterFrom_RefusedSayingToIsExclusive()
    {
        Assert.False(HistoryRange.TryParse("2025-03-02", "2025-03-02", Oslo, Defaults, ("from", "to"), out _, out var problem));

        Assert.Equal("to (2025-03-02) must be after from (2025-03-02); to is exclusive", problem);
    }

    [Fact]
    public void TryParse_Neither_TakesTheDefaults()
    {
        Assert.True(HistoryRange.TryParse(null, null, Oslo, Defaults, ("from", "to"), out var range, out _));

        Assert.Equal(Defaults, range);
    }

    [Fact]
    public void TryParse_InstantFromAlone_EndsAtTheDefaultEnd()
    {
        Assert.True(HistoryRange.TryParse("2026-01-01T12:00:00Z", null, Oslo, Defaults, ("from", "to"), out var range, out _));

        Assert.Equal(new HistoryRange(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), Defaults.To), range);
    }

    [Fact]
    public void ToIso_SummerAndWinter_TheZonesOffsetAtThatInstant()
    {
        Assert.Equal("2025-07-01T14:00:00+02:00", HistoryTime.ToIso(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero), Oslo));
        Assert.Equal("2025-01-01T13:00:00+01:00", HistoryTime.ToIso(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero), Oslo));
    }
}
