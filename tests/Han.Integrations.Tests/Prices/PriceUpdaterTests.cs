using System.Collections.Concurrent;
using Han.Integrations.Prices;
using Han.Live.Fanout;
using Microsoft.Extensions.Time.Testing;

namespace Han.Integrations.Tests.Prices;

/// <summary>The updater's loop on a fake clock: when it fetches, how it retries, what an outage does.</summary>
public sealed class PriceUpdaterTests
{
    private static readonly BiddingZone No1 = BiddingZone.Parse("NO1");
    private static readonly DateOnly Today = new(2025, 10, 6);
    private static readonly DateOnly Tomorrow = Today.AddDays(1);

    private readonly FakeTimeProvider _time = new(DeliveryDay.At(Today, new TimeOnly(8, 0)));
    private readonly MemoryPriceCache _cache = new();
    private readonly ConcurrentQueue<(string Message, NoteLevel Level)> _reports = new();
    private readonly DayPriceSource _source;
    private readonly PriceUpdater _updater;

    public PriceUpdaterTests()
    {
        _source = new DayPriceSource(_time) { PublishedUntil = Today };
        _updater = new PriceUpdater(_source, _cache, No1, _time, (message, level) => _reports.Enqueue((message, level)));
    }

    [Fact]
    public async Task RunAsync_Morning_FetchesTodayAtOnceAndTomorrowFromOnePm()
    {
        _source.PublishedUntil = Tomorrow;
        using var stop = new CancellationTokenSource();
        var running = _updater.RunAsync(stop.Token);

        await AdvanceUntilAsync(() => _source.Fetches.Any(f => f.Day == Today), TimeSpan.Zero);
        var fetchedAt = await AdvanceUntilAsync(() => _source.Fetches.Any(f => f.Day == Tomorrow), TimeSpan.FromHours(6));

        Assert.InRange(fetchedAt, DeliveryDay.At(Today, new TimeOnly(13, 0)), DeliveryDay.At(Today, new TimeOnly(13, 1)));
        Assert.Equal([Today, Tomorrow], _source.Fetches.Select(f => f.Day));
        await StopAsync(stop, running);
    }

    [Fact]
    public async Task RunAsync_TomorrowPublishedLate_RetriesWithGrowingWaitsUntilItComes()
    {
        using var stop = new CancellationTokenSource();
        var running = _updater.RunAsync(stop.Token);
        await AdvanceUntilAsync(() => _source.Fetches.Count(f => f.Day == Tomorrow) >= 3, TimeSpan.FromHours(6));
        _source.PublishedUntil = Tomorrow;

        await AdvanceUntilAsync(async () => (await _cache.ReadAsync(No1, DeliveryDay.Bounds(Tomorrow).Start, DeliveryDay.Bounds(Tomorrow).End, default)).Count == 96, TimeSpan.FromHours(2));

        // 13:00, then after 5, 10 and 20 minutes: 13:05, 13:15, 13:35 (not once a minute). The clock moves
        // a minute a step, so a loaded machine may see an attempt a step late.
        var attempts = _source.Fetches.Where(f => f.Day == Tomorrow).Select(f => DeliveryDay.TimeOfDay(f.At).TotalMinutes).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.InRange(attempts[0], 13 * 60, (13 * 60) + 1);
        Assert.InRange(attempts[1] - attempts[0], 4, 6);
        Assert.InRange(attempts[2] - attempts[1], 9, 11);
        Assert.InRange(attempts[3] - attempts[2], 19, 21);
        Assert.Empty(_reports); // not published yet is no trouble
        await StopAsync(stop, running);
    }

    [Fact]
    public async Task RunAsync_ServiceAwayForHours_SaysSoOnceKeepsWhatIsCachedAndFetchesWhenBack()
    {
        using var stop = new CancellationTokenSource();
        var running = _updater.RunAsync(stop.Token);
        await AdvanceUntilAsync(() => _source.Fetches.Any(f => f.Day == Today), TimeSpan.Zero);
        _source.Away = new PriceSourceException("test could not be reached (Connection refused); han tries again later");

        await AdvanceUntilAsync(() => _source.Fetches.Count(f => f.Day == Tomorrow) >= 8, TimeSpan.FromHours(10));
        var (message, level) = Assert.Single(_reports);
        Assert.Equal(NoteLevel.Warning, level);
        Assert.Contains("Connection refused", message, StringComparison.Ordinal);
        Assert.Equal(96, (await _cache.ReadAsync(No1, DeliveryDay.Bounds(Today).Start, DeliveryDay.Bounds(Today).End, default)).Count);
        // The waits grew to 30 minutes and stay there.
        var last = _source.Fetches.Where(f => f.Day == Tomorrow).TakeLast(2).Select(f => f.At).ToList();
        Assert.InRange(last[1] - last[0], TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31));

        _source.Away = null;
        _source.PublishedUntil = Tomorrow;
        await AdvanceUntilAsync(() => _reports.Count == 2, TimeSpan.FromHours(1));
        Assert.Equal(NoteLevel.Information, _reports.Last().Level);
        Assert.Equal(96, (await _cache.ReadAsync(No1, DeliveryDay.Bounds(Tomorrow).Start, DeliveryDay.Bounds(Tomorrow).End, default)).Count);
        await StopAsync(stop, running);
    }

    [Fact]
    public async Task EnsureDayAsync_DayCachedWhole_DoesNotFetchItAgain()
    {
        Assert.True(await _updater.EnsureDayAsync(Today, default));
        Assert.True(await _updater.EnsureDayAsync(Today, default));

        Assert.Single(_source.Fetches);
        Assert.Equal(1, _cache.Writes);
    }

    [Fact]
    public async Task EnsureDayAsync_CachedDayWithAGap_FetchesTheDay()
    {
        var (start, end) = DeliveryDay.Bounds(Today);
        await _cache.WriteAsync(No1, "test", [.. DayPriceSource.Day(Today).Where(p => p.Start != start.AddHours(5))], start, default);

        Assert.True(await _updater.EnsureDayAsync(Today, default));

        Assert.Single(_source.Fetches);
        Assert.Equal(96, (await _cache.ReadAsync(No1, start, end, default)).Count);
    }

    [Fact]
    public async Task FillAsync_PastDays_FetchesOnlyThoseMissingAndNamesTheUnpublished()
    {
        await _updater.EnsureDayAsync(Today.AddDays(-2), default);

        var missing = await _updater.FillAsync(Today.AddDays(-3), Tomorrow, default);

        Assert.Equal([Tomorrow], missing);
        Assert.Equal([Today.AddDays(-2), Today.AddDays(-3), Today.AddDays(-1), Today, Tomorrow], _source.Fetches.Select(f => f.Day));
    }

    [Fact]
    public async Task EnsureDayAsync_TokenRefused_ReportedAsAnErrorOnce()
    {
        _source.Away = new PriceSourceException("refused the token (HTTP 401): check prices.entsoe_token") { NeedsConfiguration = true };

        Assert.False(await _updater.EnsureDayAsync(Today, default));
        Assert.False(await _updater.EnsureDayAsync(Tomorrow, default));

        var (message, level) = Assert.Single(_reports);
        Assert.Equal(NoteLevel.Error, level);
        Assert.Contains("prices.entsoe_token", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureDayAsync_FallBackDay_NeedsAll100QuartersToCountAsCached()
    {
        var day = new DateOnly(2025, 10, 26);
        _source.PublishedUntil = day;

        Assert.True(await _updater.EnsureDayAsync(day, default));

        var (start, end) = DeliveryDay.Bounds(day);
        Assert.Equal(TimeSpan.FromHours(25), end - start);
        Assert.Equal(100, (await _cache.ReadAsync(No1, start, end, default)).Count);
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    private Task<DateTimeOffset> AdvanceUntilAsync(Func<bool> done, TimeSpan limit) => AdvanceUntilAsync(() => Task.FromResult(done()), limit);

    /// <summary>
    /// Moves the fake clock a minute at a time, giving the loop real time to run after each step, until
    /// <paramref name="done"/> or <paramref name="limit"/> of fake time passed; the fake time it was done.
    /// </summary>
    private async Task<DateTimeOffset> AdvanceUntilAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var until = _time.GetUtcNow() + limit;
        for (var idle = 0; ; idle++)
        {
            if (await done())
            {
                return _time.GetUtcNow();
            }

            if (_time.GetUtcNow() >= until)
            {
                // With no fake time left, wait a while in real time for the loop (a loaded machine).
                Assert.True(idle < 500, $"not done by {until:O}; fetches: {string.Join(", ", _source.Fetches.Select(f => $"{f.Day} at {f.At:HH:mm}"))}");
                await Task.Delay(10);
                continue;
            }

            await Task.Delay(2);
            _time.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
