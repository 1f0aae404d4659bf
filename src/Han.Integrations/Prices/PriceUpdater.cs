using Han.Live.Fanout;

namespace Han.Integrations.Prices;

/// <summary>
/// Keeps the cache filled with today's and tomorrow's spot prices of one zone, a hosted-service loop on a
/// <see cref="TimeProvider"/>:
/// <list type="bullet">
/// <item>a day whose prices are cached whole is never fetched again;</item>
/// <item>tomorrow's prices are asked for from 13:00 CET (the day-ahead results come at about 12:45-13:00)
/// and, until they come, again after 5 minutes, doubling to at most 30;</item>
/// <item>a service that is away or answers nonsense only delays: said once when the trouble starts and
/// once when it ends, retried the same way, and what is cached stays;</item>
/// <item>missing past days are fetched on demand (<see cref="FillAsync"/>).</item>
/// </list>
/// </summary>
public sealed class PriceUpdater(IPriceSource source, IPriceCache cache, BiddingZone zone, TimeProvider time, Action<string, NoteLevel> report)
{
    /// <summary>The local time (CET/CEST) from which tomorrow's prices are looked for.</summary>
    public static TimeOnly PublishedFrom { get; } = new(13, 0);

    public static TimeSpan FirstRetry { get; } = TimeSpan.FromMinutes(5);

    public static TimeSpan LongestRetry { get; } = TimeSpan.FromMinutes(30);

    private string? _trouble;

    /// <summary>Fetches what is missing of today and (after 13:00) tomorrow, then waits for the next time there is something to fetch; until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var today = DeliveryDay.Of(now);
            var publication = DeliveryDay.At(today, PublishedFrom);
            var complete = await EnsureDayAsync(today, cancellationToken).ConfigureAwait(false);
            if (now >= publication)
            {
                complete &= await EnsureDayAsync(today.AddDays(1), cancellationToken).ConfigureAwait(false);
            }

            TimeSpan wait;
            if (complete)
            {
                retry = FirstRetry;
                wait = (now < publication ? publication : DeliveryDay.At(today.AddDays(1), PublishedFrom)) - now;
            }
            else
            {
                wait = retry;
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fetches every day of [<paramref name="from"/>, <paramref name="to"/>] not cached whole; returns the days still missing (not published, or the service away).</summary>
    public async Task<IReadOnlyList<DateOnly>> FillAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var missing = new List<DateOnly>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!await EnsureDayAsync(day, cancellationToken).ConfigureAwait(false))
            {
                missing.Add(day);
            }
        }

        return missing;
    }

    /// <summary>Whether the day's prices are cached whole, fetching them when they are not; false when they could not be had now.</summary>
    public async Task<bool> EnsureDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = DeliveryDay.Bounds(day);
        try
        {
            var cached = await cache.ReadAsync(zone, start, end, cancellationToken).ConfigureAwait(false);
            if (Covers(cached, start, end))
            {
                return true;
            }

            var prices = await source.FetchDayAsync(zone, day, cancellationToken).ConfigureAwait(false);
            if (prices is null)
            {
                Fine();
                return false; // not published yet: no trouble
            }

            await cache.WriteAsync(zone, source.Name, prices, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            Fine();
            return Covers(prices, start, end);
        }
        catch (PriceSourceException problem)
        {
            Trouble(problem.Message, problem.NeedsConfiguration ? NoteLevel.Error : NoteLevel.Warning);
            return false;
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            // The store failing (disk full, database away) must not end the loop: said once, retried like an outage.
            Trouble($"the prices of {zone} for {day:yyyy-MM-dd} could not be kept in the store ({problem.Message}); han tries again later", NoteLevel.Error);
            return false;
        }
    }

    /// <summary>Whether the prices leave no gap in [start, end).</summary>
    private static bool Covers(IReadOnlyList<SpotPrice> prices, DateTimeOffset start, DateTimeOffset end)
    {
        var reached = start;
        foreach (var price in prices.Where(p => p.End > start && p.Start < end).OrderBy(p => p.Start))
        {
            if (price.Start > reached)
            {
                return false;
            }

            reached = price.End > reached ? price.End : reached;
        }

        return reached >= end;
    }

    private void Trouble(string message, NoteLevel level)
    {
        if (_trouble != message)
        {
            _trouble = message;
            report($"prices: {message}", level);
        }
    }

    private void Fine()
    {
        if (_trouble is not null)
        {
            _trouble = null;
            report($"prices: {source.Name} answers again", NoteLevel.Information);
        }
    }
}
