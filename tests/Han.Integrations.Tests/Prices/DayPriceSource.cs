using System.Collections.Concurrent;
using Han.Integrations.Prices;

namespace Han.Integrations.Tests.Prices;

/// <summary>
/// A price service for the updater's tests: a day's 96 quarter-hours (price = the day's number + the
/// quarter's / 1000) once the day is published, null before; away (an outage) while <see cref="Away"/>
/// is set. Every fetch is noted with the time it was made.
/// </summary>
internal sealed class DayPriceSource(TimeProvider time) : IPriceSource
{
    public string Name => "test";

    /// <summary>The last day whose prices are published.</summary>
    public DateOnly PublishedUntil { get; set; }

    public PriceSourceException? Away { get; set; }

    public ConcurrentQueue<(DateOnly Day, DateTimeOffset At)> Fetches { get; } = new();

    public Task<IReadOnlyList<SpotPrice>?> FetchDayAsync(BiddingZone zone, DateOnly day, CancellationToken cancellationToken)
    {
        Fetches.Enqueue((day, time.GetUtcNow()));
        if (Away is { } outage)
        {
            throw outage;
        }

        return Task.FromResult(day > PublishedUntil ? null : Day(day));
    }

    public static IReadOnlyList<SpotPrice> Day(DateOnly day)
    {
        var (start, end) = DeliveryDay.Bounds(day);
        var count = (int)((end - start) / TimeSpan.FromMinutes(15));
        return [.. Enumerable.Range(0, count).Select(q => new SpotPrice(start.AddMinutes(15 * q), start.AddMinutes(15 * (q + 1)), day.Day + (q / 1000m)))];
    }
}

/// <summary>The updater's cache in memory, as the store keeps it: one price per zone and start.</summary>
internal sealed class MemoryPriceCache : IPriceCache
{
    private readonly ConcurrentDictionary<(string Zone, DateTimeOffset Start), SpotPrice> _prices = new();

    public int Writes { get; private set; }

    public Task<IReadOnlyList<SpotPrice>> ReadAsync(BiddingZone zone, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SpotPrice>>([.. _prices.Where(p => p.Key.Zone == zone.Code && p.Key.Start >= from && p.Key.Start < to).Select(p => p.Value).OrderBy(p => p.Start)]);

    public Task WriteAsync(BiddingZone zone, string source, IReadOnlyList<SpotPrice> prices, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        Writes++;
        foreach (var price in prices)
        {
            _prices[(zone.Code, price.Start.ToUniversalTime())] = price;
        }

        return Task.CompletedTask;
    }
}
