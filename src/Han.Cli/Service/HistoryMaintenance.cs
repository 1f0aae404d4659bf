using System.Globalization;
using System.Threading.Channels;
using Han.Live.Fanout;
using Han.Readings;
using Han.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// Keeps <c>han run</c>'s history up to date around the writes (docs/storage.md, "When aggregates are
/// refreshed"): the days of the last day at start (after a crash or a stop, the hours that closed since);
/// the hour an hourly list closes as soon as that list is written; every <see cref="RefreshEvery"/> today
/// for every meter, so the current hour's estimate and today's totals move; and the raw lists past
/// retention pruned at start and then every day. A failure is told once, and again when it works.
/// </summary>
internal sealed class HistoryMaintenance(
    HistoryService history, IReadOnlyList<string> meters, RawListRetention retention, ILogger log, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromDays(1);

    private readonly Channel<(string Meter, DateTimeOffset From, DateTimeOffset To)> _requests =
        Channel.CreateUnbounded<(string, DateTimeOffset, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    private bool _failing;

    /// <summary>
    /// Told by a meter's history sink after each batch it wrote: a list with the import register (the
    /// hourly list) closes the hour before it, which is refreshed now rather than at the next minute.
    /// </summary>
    public void Written(IReadOnlyList<ReadingMade> batch)
    {
        foreach (var made in batch)
        {
            if (made.Reading.Reading.Has(ReadingField.ActiveEnergyImport))
            {
                _requests.Writer.TryWrite((made.Meter, made.At.AddHours(-1), made.At));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var now = clock.GetUtcNow();
        await GuardAsync("pruning raw lists and registers", () => PruneAsync(now, stoppingToken)).ConfigureAwait(false);
        foreach (var meter in meters)
        {
            await GuardAsync("refreshing the aggregates", () => history.Aggregator.RefreshAsync(meter, now.AddDays(-1), now, stoppingToken)).ConfigureAwait(false);
        }

        var nextRefresh = now + RefreshEvery;
        var nextPrune = now + PruneEvery;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitAsync(nextRefresh - clock.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                while (_requests.Reader.TryRead(out var request))
                {
                    await GuardAsync("refreshing the aggregates", () => history.Aggregator.RefreshAsync(request.Meter, request.From, request.To, stoppingToken)).ConfigureAwait(false);
                }

                now = clock.GetUtcNow();
                if (now >= nextRefresh)
                {
                    foreach (var meter in meters)
                    {
                        await GuardAsync("refreshing the aggregates", () => history.Aggregator.RefreshAsync(meter, now, now, stoppingToken)).ConfigureAwait(false);
                    }

                    nextRefresh = now + RefreshEvery;
                }

                if (now >= nextPrune)
                {
                    await GuardAsync("pruning raw lists and registers", () => PruneAsync(now, stoppingToken)).ConfigureAwait(false);
                    nextPrune = now + PruneEvery;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is stored stays; the next start refreshes the last day.
        }
    }

    /// <summary>Until a request comes or <paramref name="delay"/> has passed.</summary>
    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var timeout = Task.Delay(delay, clock, either.Token);
        var request = _requests.Reader.WaitToReadAsync(either.Token).AsTask();
        await Task.WhenAny(timeout, request).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task PruneAsync(DateTimeOffset now, CancellationToken stoppingToken)
    {
        var pruned = await retention.PruneAsync(history.Store, now, stoppingToken).ConfigureAwait(false);
        if (pruned > 0)
        {
            ServiceLog.Information(log, string.Create(CultureInfo.InvariantCulture, $"history: {pruned} raw lists older than {retention.Keep.TotalDays:0} days pruned (their minutes, hourly registers and aggregates are kept)"));
        }

        // Meters that send their registers with every list keep, past the same retention, only the one
        // register per hour the aggregates are made of.
        long thinned = 0;
        foreach (var meter in meters)
        {
            thinned += await history.Store.CompactRegistersAsync(meter, retention.Cutoff(now), stoppingToken).ConfigureAwait(false);
        }

        if (thinned > 0)
        {
            ServiceLog.Information(log, string.Create(CultureInfo.InvariantCulture, $"history: {thinned} registers older than {retention.Keep.TotalDays:0} days thinned to the one nearest each hour (the meter sends them with every list)"));
        }
    }

    private async Task GuardAsync(string what, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            if (_failing)
            {
                _failing = false;
                ServiceLog.Information(log, $"history: {what} works again");
            }
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            if (!_failing)
            {
                _failing = true;
                ServiceLog.Error(log, $"history: {what} failed ({problem.Message}); tried again every minute, the lists are still written");
            }
        }
    }
}
