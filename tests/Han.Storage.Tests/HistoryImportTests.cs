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

    private static IEnumerable<ReadingMade> PowerLists(DateTimeOffset start, int count, Func<int, int> watts, double seconds) =>
        Enumerable.Range(0, count).Select(i => StoreReadings.Power("house", start.AddSeconds(seconds * i), new Measurement(watts(i), 0)));
}
