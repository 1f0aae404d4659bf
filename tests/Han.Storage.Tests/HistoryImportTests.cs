using Han.Live.Fanout;
using Han.Readings;

namespace Han.Storage.Tests;

/// <summary>
/// An import (<see cref="HistoryImport"/>, what han import and han demo write with) on each database: lists
/// on both sides of the raw-list retention, imported twice, leave the store as after once.
/// </summary>
public abstract class HistoryImportTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly DateTimeOffset Now = StoreReadings.Noon;

    /// <summary>Lists received before this are past the default 30 days.</summary>
    private static readonly DateTimeOffset Cutoff = RawListRetention.Default.Cutoff(Now);

    protected abstract Task<IHistoryStore> OpenAsync();

    [Fact]
    public async Task AddAsync_SameListsImportedTwice_StoreEqualsAfterOnce()
    {
        await using var store = await OpenAsync();
        var lists = PowerLists(Cutoff.AddMinutes(-6), count: 24 * 6, watts: i => 1000 + (i * 7), seconds: 2.5)
            .Concat(PowerLists(Now.AddHours(-1), count: 24 * 3, watts: i => 500 + i, seconds: 2.5))
            .ToList();

        var first = await ImportAsync(store, lists);
        var listsAfterOnce = await store.ReadListsAsync("house", Cutoff.AddDays(-1), Now, None);
        var minutesAfterOnce = await store.ReadMinutePowerAsync("house", Cutoff.AddDays(-1), Now, None);
        var second = await ImportAsync(store, lists);

        Assert.Equal(24 * 3, first.Stored);
        Assert.Equal(24 * 6, first.Summed);
        Assert.Equal(6, first.MinutesWritten); // 144 lists 2.5 s apart from a whole minute: 6 minutes
        Assert.Equal((0, 24 * 3, 0, 6), (second.Stored, second.AlreadyStored, second.MinutesWritten, second.MinutesAlreadyStored));
        Assert.Equal(24 * 3, listsAfterOnce.Count);
        Assert.Equal(listsAfterOnce, await store.ReadListsAsync("house", Cutoff.AddDays(-1), Now, None));
        Assert.Equal(6 + 3, minutesAfterOnce.Count);
        Assert.Equal(minutesAfterOnce, await store.ReadMinutePowerAsync("house", Cutoff.AddDays(-1), Now, None));
        var firstMinute = minutesAfterOnce[0];
        Assert.Equal(new PowerSummary(Enumerable.Range(0, 24).Average(i => 1000.0 + (i * 7)), 1000, 1000 + (23 * 7), 24), firstMinute.Import);
    }

    [Fact]
    public async Task AddAsync_PastRetentionMinuteStoredWithMoreLists_KeepsTheStoredMinute()
    {
        await using var store = await OpenAsync();
        var minute = Cutoff.AddHours(-2);
        await ImportAsync(store, PowerLists(minute, count: 24, watts: _ => 800, seconds: 2.5));

        // A capture holding half of that minute, with other values: it does not replace the whole one.
        var partial = await ImportAsync(store, PowerLists(minute, count: 12, watts: _ => 5000, seconds: 2.5));

        Assert.Equal((0, 1), (partial.MinutesWritten, partial.MinutesAlreadyStored));
        var stored = Assert.Single(await store.ReadMinutePowerAsync("house", minute, minute.AddMinutes(1), None));
        Assert.Equal(new PowerSummary(800, 800, 800, 24), stored.Import);
    }

    [Fact]
    public async Task AddAsync_MoreThanOneBatchSinceCutoff_EveryListStoredOnce()
    {
        await using var store = await OpenAsync();
        var count = HistoryImport.BatchSize + 17;
        var lists = PowerLists(Now.AddDays(-2), count, watts: i => i % 3000, seconds: 1);

        var import = await ImportAsync(store, lists);

        Assert.Equal(count, import.Stored);
        Assert.Equal(count, (await store.ReadListsAsync("house", Now.AddDays(-3), Now, None)).Count);
        var minutes = await store.ReadMinutePowerAsync("house", Now.AddDays(-3), Now, None);
        Assert.Equal(count, minutes.Sum(minute => minute.Import!.Count));
    }

    [Fact]
    public async Task RefreshAggregatesAsync_HoursOnBothSidesOfRetentionImportedTwice_RegistersAndHoursAsAfterOnce()
    {
        await using var store = await OpenAsync();
        var aggregator = new HistoryAggregator(store, new Trust.TrustOptions { Zone = TimeZoneInfo.Utc });
        // 1.5 kW for six hours, the register 1.5 kWh up each hour: three hours past retention, three after.
        var start = Cutoff.AddHours(-3);
        var lists = SteadyHouse(start, hours: 6, watts: 1500).ToList();

        var first = await ImportAsync(store, lists);
        await first.RefreshAggregatesAsync(aggregator, None);
        var registersAfterOnce = await store.ReadHourlyRegistersAsync("house", start, start.AddHours(7), None);
        var hoursAfterOnce = await store.ReadAggregatesAsync("house", AggregateResolution.Hour, start, start.AddHours(6), None);
        var second = await ImportAsync(store, lists);
        await second.RefreshAggregatesAsync(aggregator, None);

        Assert.Equal(7, registersAfterOnce.Count); // the registers at 0, 1, ... 6 hours
        Assert.Equal(6, hoursAfterOnce.Count);
        Assert.All(hoursAfterOnce, hour => Assert.Equal(1.5m, hour.ImportKwh));
        Assert.Equal(registersAfterOnce, await store.ReadHourlyRegistersAsync("house", start, start.AddHours(7), None));
        Assert.Equal(hoursAfterOnce, await store.ReadAggregatesAsync("house", AggregateResolution.Hour, start, start.AddHours(6), None));
    }

    private static async Task<HistoryImport> ImportAsync(IHistoryStore store, IEnumerable<ReadingMade> lists)
    {
        var import = new HistoryImport(store, Cutoff);
        foreach (var list in lists)
        {
            await import.AddAsync(list, None);
        }

        await import.CompleteAsync(None);
        return import;
    }

    /// <summary>A list of power every 10 s and, on each whole hour, the register list, as a meter sends them.</summary>
    private static IEnumerable<ReadingMade> SteadyHouse(DateTimeOffset start, int hours, int watts)
    {
        for (var second = 0; second <= hours * 3600; second += 10)
        {
            var at = start.AddSeconds(second);
            var reading = new MeterReading { Received = at };
            reading.Set(ReadingField.ActivePowerImport, new Measurement(watts, 0));
            if (second % 3600 == 0)
            {
                // kWh with three decimals, as the mantissa of a scaler of -3.
                reading.Set(ReadingField.ActiveEnergyImport, new Measurement(10_000_000 + (second / 3600 * 1500), -3));
            }

            yield return new ReadingMade("house", at, new Live.LiveReading(reading, Live.MeterIdentity.Unknown, null, null));
        }
    }

    private static IEnumerable<ReadingMade> PowerLists(DateTimeOffset start, int count, Func<int, int> watts, double seconds) =>
        Enumerable.Range(0, count).Select(i => StoreReadings.Power("house", start.AddSeconds(seconds * i), new Measurement(watts(i), 0)));
}
