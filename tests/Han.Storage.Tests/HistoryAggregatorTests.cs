using Han.Trust;

namespace Han.Storage.Tests;

/// <summary>
/// The sanity cases of issue 10 end to end: lists written to a real store, aggregates refreshed by
/// <see cref="HistoryAggregator"/> and read back. The meter's load is known (<see cref="SyntheticMeter"/>),
/// so every expected hour, day, month and peak is the sum of known powers, computed here apart from
/// the rules. Run on SQLite and on a real PostgreSQL server by the subclasses.
/// </summary>
public abstract class HistoryAggregatorTests
{
    private const string Meter = "house";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly TrustOptions Options = new() { Zone = Oslo };

    /// <summary>Opens this test's store (a new one per test).</summary>
    protected abstract Task<IHistoryStore> OpenAsync();

    /// <summary>A load that differs by hour and day: highest in each day's last local hour, a little higher each day.</summary>
    private static int Watts(DateTimeOffset hourUtc)
    {
        var local = TimeZoneInfo.ConvertTime(hourUtc, Oslo);
        return 600 + (100 * local.Hour) + (7 * local.Day);
    }

    private static DateTimeOffset Midnight(int year, int month, int day) =>
        new(new DateTime(year, month, day), Oslo.GetUtcOffset(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)));

    [Fact]
    public async Task RefreshAsync_CompleteDay_EveryHourAndQuarterExactDayExactMonthTheDaySoFar()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);

        await using var store = await RefreshAsync(meter, start, end);

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        Assert.Equal(24, hours.Count);
        Assert.All(hours, h => Assert.Equal((meter.HourKwh(h.Start), 0m, true, (string?)null), (h.ImportKwh!.Value, h.ExportKwh!.Value, h.Exact, h.Flags)));
        var quarters = await ReadAsync(store, AggregateResolution.FifteenMinutes, start, end);
        Assert.Equal(96, quarters.Count);
        Assert.All(quarters, q => Assert.Equal((meter.HourKwh(HourOf(q.Start)) / 4, true), (q.ImportKwh!.Value, q.Exact)));
        var day = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, end));
        Assert.Equal((start, ExpectedKwh(meter, start, end), true, (string?)null), (day.Start, day.ImportKwh!.Value, day.Exact, day.Flags));
        var month = Assert.Single(await ReadAsync(store, AggregateResolution.Month, Midnight(2026, 3, 1), Midnight(2026, 4, 1)));
        Assert.Equal((Midnight(2026, 3, 1), day.ImportKwh, false, "1 of 31 days"), (month.Start, month.ImportKwh, month.Exact, month.Flags));
    }

    [Fact]
    public async Task RefreshAsync_MissingHourlyList_DayStaysExactInSumAndTheTwoHoursAreFlagged()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);
        var missing = start.AddHours(10);
        meter.Registers.RemoveAll(r => r.Boundary == missing);

        await using var store = await RefreshAsync(meter, start, end);

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        AssertFlagged(hours, meter, [missing.AddHours(-1), missing], "missing list: ");
        var day = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, end));
        Assert.Equal(ExpectedKwh(meter, start, end), day.ImportKwh);
        Assert.False(day.Exact);
        Assert.StartsWith("2 hours flagged (missing list); 2 hours estimated", day.Flags, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_RepeatedHourlyList_IgnoredAndItsHourFlagged()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);
        var repeated = meter.Registers.Single(r => r.Boundary == start.AddHours(10));
        meter.Registers.Add(repeated with { Received = start.AddHours(11).AddSeconds(2) }); // Aidon's resend, just before the next list

        await using var store = await RefreshAsync(meter, start, end);

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        Assert.All(hours, h => Assert.Equal(meter.HourKwh(h.Start), h.ImportKwh));
        var flagged = Assert.Single(hours, h => h.Flags is not null);
        Assert.Equal(start.AddHours(10), flagged.Start);
        Assert.StartsWith("repeated list: ", flagged.Flags, StringComparison.Ordinal);
        var day = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, end));
        Assert.Equal(ExpectedKwh(meter, start, end), day.ImportKwh);
        Assert.Equal("1 hour flagged (repeated list)", day.Flags);
    }

    [Fact]
    public async Task RefreshAsync_RegisterJump_SkippedTheHoursAroundItSharedAndFlaggedNoFalsePeak()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);
        var glitch = start.AddHours(14);
        var index = meter.Registers.FindIndex(r => r.Boundary == glitch);
        meter.Registers[index] = meter.Registers[index] with { Import = meter.Registers[index].Import + 1000m };

        await using var store = await RefreshAsync(meter, start, end);

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        AssertFlagged(hours, meter, [glitch.AddHours(-1), glitch], "register jump: ");
        Assert.Equal(ExpectedKwh(meter, start, end), Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, end)).ImportKwh);
        var basis = await Aggregator(store).ReadCapacityBasisAsync(Meter, 2026, 3, None);
        var peak = Assert.Single(basis.Peaks);
        Assert.Equal((start.AddHours(23), meter.HourKwh(start.AddHours(23))), (peak.StartUtc, peak.ImportKwh));
    }

    [Fact]
    public async Task RefreshAsync_RegisterRollsOverWithWrapKnown_ExactAndFlagged()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        const decimal Wrap = 1010m; // the day uses about 43 kWh from 1000 kWh: it wraps once
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts, startKwh: 1000m, wrap: Wrap);
        var wrapped = meter.Registers.Zip(meter.Registers.Skip(1)).Single(pair => pair.Second.Import < pair.First.Import).First.Boundary;

        await using var store = await RefreshAsync(meter, start, end, Options with { RegisterWrap = Wrap });

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        Assert.All(hours, h => Assert.Equal((meter.HourKwh(h.Start), true), (h.ImportKwh!.Value, h.Exact)));
        var flagged = Assert.Single(hours, h => h.Flags is not null);
        Assert.Equal(wrapped, flagged.Start);
        Assert.StartsWith("rollover: ", flagged.Flags, StringComparison.Ordinal);
        var day = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, end));
        Assert.Equal((ExpectedKwh(meter, start, end), true), (day.ImportKwh!.Value, day.Exact));
    }

    [Fact]
    public async Task RefreshAsync_RegistersWithEveryListLikeP1_TheListNearestEachHourCountsAndEveryHourIsExact()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        var meter = P1Meter(start, end);

        await using var store = await RefreshAsync(meter, start, end);

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        Assert.Equal(24, hours.Count);
        Assert.All(hours, h => Assert.Equal((meter.HourKwh(h.Start), true, (string?)null), (h.ImportKwh!.Value, h.Exact, h.Flags)));
        var day = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, end));
        Assert.Equal((ExpectedKwh(meter, start, end), true), (day.ImportKwh!.Value, day.Exact));
    }

    [Fact]
    public async Task CompactRegistersAsync_RegistersWithEveryList_OneLeftPerHourAndTheAggregatesStayTheSame()
    {
        var (start, end) = (Midnight(2026, 3, 9), Midnight(2026, 3, 12));
        var meter = P1Meter(start, end);
        await using var store = await RefreshAsync(meter, start, end);
        var before = await ReadAsync(store, AggregateResolution.FifteenMinutes, start, end);

        var deleted = await store.CompactRegistersAsync(Meter, end.AddDays(1), None);

        var left = await store.ReadHourlyRegistersAsync(Meter, start.AddDays(-1), end.AddDays(1), None);
        Assert.Equal(meter.Registers.Count - left.Count, deleted);
        Assert.Equal(meter.Registers.Where(r => r.Received.Minute == 0 && r.Received.Second == 0).Select(r => r.Received), left.Select(r => r.ReceivedUtc));
        await Aggregator(store).RefreshAsync(Meter, start, end, None);
        var after = await ReadAsync(store, AggregateResolution.FifteenMinutes, start, end);
        Assert.Equal(before, after);
        Assert.Equal(0, await store.CompactRegistersAsync(Meter, end.AddDays(1), None)); // done once
    }

    [Fact]
    public async Task CompactRegistersAsync_HourlyListsWithARepeat_LeavesEveryOneSoTheRepeatIsStillFlagged()
    {
        var (start, end) = (Midnight(2026, 3, 10), Midnight(2026, 3, 11));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);
        var repeated = meter.Registers.Single(r => r.Boundary == start.AddHours(10));
        meter.Registers.Add(repeated with { Received = start.AddHours(11).AddSeconds(2) });
        await using var store = await RefreshAsync(meter, start, end);

        var deleted = await store.CompactRegistersAsync(Meter, end.AddDays(1), None);

        Assert.Equal(0, deleted);
        Assert.Equal(meter.Registers.Count, (await store.ReadHourlyRegistersAsync(Meter, start, end.AddHours(1), None)).Count);
    }

    /// <summary>A meter that sends its register with every list, every 10 s, counted to the Wh, as DSMR P1 does.</summary>
    private static SyntheticMeter P1Meter(DateTimeOffset start, DateTimeOffset end)
    {
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);
        var hourly = meter.Registers.ToList();
        meter.Registers.Clear();
        foreach (var hour in hourly.SkipLast(1))
        {
            for (var second = 0; second < 3600; second += 10)
            {
                // The register as the meter counts it, to the Wh, every 10 s (received on the second).
                var at = hour.Boundary.AddSeconds(second);
                var counted = Math.Floor(meter.HourKwh(hour.Boundary) * second / 3.6m) / 1000m;
                meter.Registers.Add(new RegisterList(at, at, TimeZoneInfo.ConvertTime(at, Oslo).DateTime, hour.Import + counted, hour.Export));
            }
        }

        meter.Registers.Add(hourly[^1] with { Received = hourly[^1].Boundary });
        return meter;
    }

    [Theory]
    [InlineData(3, 23)] // 2026-03-29: summer time, 02:00-03:00 does not exist
    [InlineData(10, 25)] // 2026-10-25: 02:00-03:00 twice
    public async Task RefreshAsync_DstDay_HasItsHoursAndQuartersAndIsExact(int month, int expectedHours)
    {
        var day = month == 3 ? 29 : 25;
        var (start, end) = (Midnight(2026, month, day), Midnight(2026, month, day + 1));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);

        await using var store = await RefreshAsync(meter, start, end);

        var hours = await ReadAsync(store, AggregateResolution.Hour, start, end);
        Assert.Equal(expectedHours, hours.Count);
        Assert.All(hours, h => Assert.Equal((meter.HourKwh(h.Start), true, (string?)null), (h.ImportKwh!.Value, h.Exact, h.Flags)));
        Assert.Equal(expectedHours * 4, (await ReadAsync(store, AggregateResolution.FifteenMinutes, start, end)).Count);
        var total = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start.AddHours(-12), end));
        Assert.Equal((start, ExpectedKwh(meter, start, end), true), (total.Start, total.ImportKwh!.Value, total.Exact));
    }

    [Fact]
    public async Task RefreshAsync_SixDaysWithMissingListJumpAndDst_MonthIsTheSumAndPeaksAreTheRealThree()
    {
        var (start, end) = (Midnight(2026, 3, 26), Midnight(2026, 4, 1));
        var meter = SyntheticMeter.Run(start, end, Oslo, Watts);
        meter.Registers.RemoveAll(r => r.Boundary == Midnight(2026, 3, 27).AddHours(8));
        var glitch = meter.Registers.FindIndex(r => r.Boundary == Midnight(2026, 3, 28).AddHours(22));
        meter.Registers[glitch] = meter.Registers[glitch] with { Import = meter.Registers[glitch].Import + 500m };

        await using var store = await RefreshAsync(meter, start, end);

        var days = await ReadAsync(store, AggregateResolution.Day, start, end);
        Assert.Equal(6, days.Count);
        Assert.Equal([true, false, false, true, true, true], days.Select(d => d.Exact));
        var month = Assert.Single(await ReadAsync(store, AggregateResolution.Month, Midnight(2026, 3, 1), end));
        Assert.Equal(ExpectedKwh(meter, start, end), month.ImportKwh);
        Assert.False(month.Exact);
        Assert.Equal("2 of 6 days not exact; 6 of 31 days", month.Flags);
        // Each day's highest hour is its last local hour; the three highest are those of the last three days.
        var expectedPeaks = new[] { 31, 30, 29 }.Select(d => Midnight(2026, 4, 1).AddHours(-1) - TimeSpan.FromDays(31 - d)).ToList();
        var basis = await Aggregator(store).ReadCapacityBasisAsync(Meter, 2026, 3, None);
        Assert.Equal(expectedPeaks, basis.Peaks.Select(p => p.StartUtc));
        Assert.Equal(expectedPeaks.Select(meter.HourKwh), basis.Peaks.Select(p => p.ImportKwh));
        Assert.Equal(expectedPeaks.Average(meter.HourKwh), basis.MeanKwh);
        Assert.False(basis.AnyEstimated);
    }

    [Fact]
    public async Task RefreshAsync_CurrentHourWithoutItsClosingList_EstimatedFromThePowerSoFar()
    {
        var (start, noon) = (Midnight(2026, 3, 10), Midnight(2026, 3, 10).AddHours(12));
        var meter = SyntheticMeter.Run(start, noon.AddHours(1), Oslo, Watts);
        meter.Registers.RemoveAll(r => r.Boundary > noon);
        meter.PowerLists.RemoveAll(p => p.At >= noon.AddMinutes(30));

        await using var store = await RefreshAsync(meter, start, noon.AddMinutes(30));

        var current = (await ReadAsync(store, AggregateResolution.Hour, noon, noon.AddHours(1))).Single();
        Assert.Equal((meter.HourKwh(noon) / 2, false), (current.ImportKwh!.Value, current.Exact));
        var day = Assert.Single(await ReadAsync(store, AggregateResolution.Day, start, start.AddDays(1)));
        Assert.Equal(ExpectedKwh(meter, start, noon) + (meter.HourKwh(noon) / 2), day.ImportKwh);
        Assert.Equal("1 hour estimated; 13 of 24 hours", day.Flags);
    }

    private async Task<IHistoryStore> RefreshAsync(SyntheticMeter meter, DateTimeOffset from, DateTimeOffset to, TrustOptions? options = null)
    {
        var store = await OpenAsync();
        await store.WriteAsync(meter.Readings(Meter), None);
        await new HistoryAggregator(store, options ?? Options).RefreshAsync(Meter, from, to, None);
        return store;
    }

    private static HistoryAggregator Aggregator(IHistoryStore store) => new(store, Options);

    private static Task<IReadOnlyList<EnergyAggregate>> ReadAsync(IHistoryStore store, AggregateResolution resolution, DateTimeOffset from, DateTimeOffset to) =>
        store.ReadAggregatesAsync(Meter, resolution, from, to, None);

    private static decimal ExpectedKwh(SyntheticMeter meter, DateTimeOffset from, DateTimeOffset to) =>
        Enumerable.Range(0, (int)(to - from).TotalHours).Sum(h => meter.HourKwh(from.AddHours(h)));

    private static DateTimeOffset HourOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>The given hours are flagged with <paramref name="flag"/>, estimated, and still right (shared by integrated power); every other hour is exact and unflagged.</summary>
    private static void AssertFlagged(IReadOnlyList<EnergyAggregate> hours, SyntheticMeter meter, DateTimeOffset[] flaggedHours, string flag)
    {
        Assert.All(hours, h => Assert.Equal(meter.HourKwh(h.Start), h.ImportKwh));
        Assert.Equal(flaggedHours, hours.Where(h => h.Flags is not null).Select(h => h.Start));
        Assert.All(hours.Where(h => flaggedHours.Contains(h.Start)), h =>
        {
            Assert.StartsWith(flag, h.Flags, StringComparison.Ordinal);
            Assert.False(h.Exact);
        });
        Assert.All(hours.Where(h => !flaggedHours.Contains(h.Start)), h => Assert.True(h.Exact));
    }
}

/// <summary>The aggregation tests on a SQLite file.</summary>
public sealed class SqliteHistoryAggregatorTests : HistoryAggregatorTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-aggregates-").FullName;

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenSqliteAsync(Path.Combine(_folder, "history.db"), CancellationToken.None);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The aggregation tests on a real PostgreSQL server.</summary>
public sealed class PostgresHistoryAggregatorTests(Han.TestCorpus.Servers.PostgresServer server) : HistoryAggregatorTests, IClassFixture<Han.TestCorpus.Servers.PostgresServer>
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenPostgresAsync(_connectionString, CancellationToken.None);
}
