using Han.Live.Fanout;
using Han.Readings;
using Microsoft.Extensions.Time.Testing;

namespace Han.Storage.Tests;

/// <summary>The batched writer on a real SQLite store, its one-second timer driven by a fake clock.</summary>
public sealed class HistorySinkTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-sink-").FullName;
    private readonly FakeTimeProvider _clock = new(StoreReadings.Noon);
    private IHistoryStore _store = null!;

    public async Task InitializeAsync() => _store = await HistoryStores.OpenSqliteAsync(Path.Combine(_folder, "history.db"), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_NoFlush_WrittenWhenOneSecondHasPassed()
    {
        var sink = new HistorySink(_store, "history", _clock);
        await sink.WriteAsync(StoreReadings.Power("house", StoreReadings.Noon, new Measurement(1000, 0)), CancellationToken.None);
        await sink.WriteAsync(StoreReadings.Power("house", StoreReadings.Noon.AddSeconds(0.5), new Measurement(1100, 0)), CancellationToken.None);
        Assert.Empty(await ListsAsync()); // buffered, not yet written

        _clock.Advance(HistorySink.MaxDelay);

        await WaitForListsAsync(2);
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task FlushAsync_BufferedReadings_WrittenAtOnce()
    {
        var sink = new HistorySink(_store, "history", _clock);
        await sink.WriteAsync(StoreReadings.Power("house", StoreReadings.Noon, new Measurement(1000, 0)), CancellationToken.None);

        await sink.FlushAsync(CancellationToken.None);

        Assert.Single(await ListsAsync());
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task DisposeAsync_BufferedReadings_Written()
    {
        var sink = new HistorySink(_store, "history", _clock);
        await sink.WriteAsync(StoreReadings.Power("house", StoreReadings.Noon, new Measurement(1000, 0)), CancellationToken.None);

        await sink.DisposeAsync();

        Assert.Single(await ListsAsync());
    }

    [Fact]
    public async Task Accepts_ReadingsOnly()
    {
        var sink = new HistorySink(_store, "history", _clock);

        Assert.True(sink.Accepts(StoreReadings.Power("house", StoreReadings.Noon, new Measurement(1, 0))));
        Assert.False(sink.Accepts(new LineNote("house", StoreReadings.Noon, "connected", NoteLevel.Information)));
        Assert.False(sink.Accepts(new BytesReceived("house", StoreReadings.Noon, new byte[] { 1 })));
        await sink.DisposeAsync();
    }

    private Task<IReadOnlyList<StoredList>> ListsAsync() =>
        _store.ReadListsAsync("house", StoreReadings.Noon.AddHours(-1), StoreReadings.Noon.AddHours(1), CancellationToken.None);

    private async Task WaitForListsAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await ListsAsync()).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the sink did not write {count} lists within {Patience.TotalSeconds:0} s of the timer's tick");
            await Task.Delay(20);
        }

        Assert.Equal(count, (await ListsAsync()).Count);
    }
}
