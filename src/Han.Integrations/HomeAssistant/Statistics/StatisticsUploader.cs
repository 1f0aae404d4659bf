using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Han.Live.Fanout;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// Delivers hourly statistic rows to Home Assistant over its WebSocket API, on its own task: rows wait in
/// a bounded queue per statistic (<see cref="HomeAssistantStatisticsOptions.QueueHours"/>, oldest dropped
/// and counted) while Home Assistant is away, and go out when it answers; the connection is made again
/// with a doubling wait, and closed when nothing is left to send (rows come once an hour). Rows are keyed by their hour, so a row sent twice just overwrites itself there.
/// <para>The running sum goes on from what Home Assistant holds: before the first rows of a statistic are
/// sent, han asks for its sums in the 30 days before (<c>recorder/statistics_during_period</c>) and raises
/// its own sums by the last one, so a restart of han never makes the total go back (the Energy dashboard
/// reads an hour's energy as the change of the sum).</para>
/// <para>Given a <see cref="StatisticPositionStore"/>, the rows waiting are written there whenever they change
/// (queued, taken by Home Assistant, dropped), so that those still waiting when han stops, or dies, are queued
/// again at the next start (<see cref="StatisticsSink"/>) instead of being lost.</para>
/// Trouble is reported once when it starts (what is wrong and what to do) and once when it ends.
/// </summary>
public sealed class StatisticsUploader : IAsyncDisposable
{
    /// <summary>How far back han looks for the sum a statistic has reached.</summary>
    public static readonly TimeSpan SeedLookBack = TimeSpan.FromDays(30);

    /// <summary>Rows per import message: a day's backlog of a month fits in a few.</summary>
    private const int RowsPerMessage = 200;

    private readonly HomeAssistantStatisticsOptions _options;
    private readonly Action<string, NoteLevel> _report;
    private readonly TimeProvider _clock;
    private readonly StatisticPositionStore? _memory;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PendingSeries> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private volatile bool _finishing;
    private bool _legacyMetadata;
    private bool _droppingSaid;
    private bool _connectedBefore;
    private string? _troubleSaid;
    private long _delivered;
    private long _dropped;

    /// <param name="memory">Where the rows waiting are kept across restarts of han; null keeps them in memory only.</param>
    public StatisticsUploader(HomeAssistantStatisticsOptions options, Action<string, NoteLevel> report, TimeProvider clock, StatisticPositionStore? memory = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _memory = memory;
        _running = Task.Run(RunAsync);
    }

    /// <summary>Rows Home Assistant accepted.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Rows given up: the queue was full, Home Assistant refused them, or han stopped before it answered and there is no store to keep them in.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues rows of a statistic; never waits.</summary>
    public void Add(StatisticSeries series, IReadOnlyList<StatisticRow> rows)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var dropped = 0;
        lock (_gate)
        {
            if (!_pending.TryGetValue(series.StatisticId, out var pending))
            {
                pending = new PendingSeries(series);
                _pending.Add(series.StatisticId, pending);
            }

            foreach (var row in rows)
            {
                pending.Rows[row.Start] = row;
            }

            while (pending.Rows.Count > _options.QueueHours)
            {
                pending.Rows.Remove(pending.Rows.Keys.First());
                dropped++;
            }

            RememberWaiting(pending);
        }

        if (dropped > 0)
        {
            Interlocked.Add(ref _dropped, dropped);
            if (!_droppingSaid)
            {
                _droppingSaid = true;
                _report($"Home Assistant statistics: {_options.QueueHours} hours are waiting for Home Assistant; the oldest are dropped from now on", NoteLevel.Warning);
            }
        }

        Wake();
    }

    /// <summary>Delivers what is queued if Home Assistant answers within <paramref name="patience"/>, then stops; what is left is counted as dropped.</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        _finishing = true;
        Wake();
        if (await Task.WhenAny(_running, Task.Delay(patience, _clock)).ConfigureAwait(false) != _running)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _running.ConfigureAwait(false);
        var left = 0;
        lock (_gate)
        {
            left = _pending.Values.Sum(p => p.Rows.Count);
            _pending.Clear(); // not remembered: the store keeps them for the next start
        }

        if (left > 0 && _memory is { Written: true })
        {
            _report($"Home Assistant statistics: {left} hourly rows wait in {_memory.Path} for Home Assistant, which did not answer before han stopped; they are sent when han starts again", NoteLevel.Warning);
        }
        else if (left > 0)
        {
            Interlocked.Add(ref _dropped, left);
            _report($"Home Assistant statistics: {left} hourly rows were not delivered before han stopped (Home Assistant did not answer)", NoteLevel.Warning);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        _stop.Dispose();
        _wake.Dispose();
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up is enough for any number of rows.
        }
    }

    private bool HasPending()
    {
        lock (_gate)
        {
            return _pending.Values.Any(p => p.Rows.Count > 0);
        }
    }

    private async Task RunAsync()
    {
        var wait = _options.RetryFirst;
        HomeAssistantConnection? connection = null;
        try
        {
            while (true)
            {
                if (!HasPending())
                {
                    if (_finishing)
                    {
                        break;
                    }

                    await _wake.WaitAsync(_stop.Token).ConfigureAwait(false);
                    continue;
                }

                try
                {
                    connection ??= await ConnectAsync().ConfigureAwait(false);
                    await DeliverAllAsync(connection).ConfigureAwait(false);
                    wait = _options.RetryFirst;
                    if (!HasPending())
                    {
                        // Nothing more for an hour: no idle connection for a proxy to cut (nginx does after 60 s).
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }
                }
#pragma warning disable CA1031 // whatever goes wrong with Home Assistant, the loop goes on: it is reported, and tried again
                catch (Exception problem) when (problem is not OperationCanceledException || !_stop.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    if (connection is not null)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        connection = null;
                    }

                    Trouble(Describe(problem));
                    if (_finishing)
                    {
                        break;
                    }

                    await Task.Delay(wait, _clock, _stop.Token).ConfigureAwait(false);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, _options.RetryAtMost.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped while waiting or sending: StopAsync counts what is left.
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<HomeAssistantConnection> ConnectAsync()
    {
        var connection = await HomeAssistantConnection.OpenAsync(_options.WebSocketUrl, _options.Token, _options.AnswerPatience, _stop.Token).ConfigureAwait(false);
        if (!_connectedBefore || _troubleSaid is not null)
        {
            // Said the first time and after trouble, not at each hour's connection.
            var again = _troubleSaid is not null ? " again" : string.Empty;
            _report($"Home Assistant statistics: connected{again} to Home Assistant {connection.Version} at {_options.WebSocketUrl}", NoteLevel.Information);
        }

        _connectedBefore = true;
        _troubleSaid = null;
        return connection;
    }

    private async Task DeliverAllAsync(HomeAssistantConnection connection)
    {
        PendingSeries[] all;
        lock (_gate)
        {
            all = [.. _pending.Values];
        }

        foreach (var pending in all)
        {
            StatisticRow[] rows;
            lock (_gate)
            {
                rows = [.. pending.Rows.Values.Take(RowsPerMessage)];
            }

            if (rows.Length == 0)
            {
                continue;
            }

            pending.SumOffset ??= await SumOffsetAsync(connection, pending.Series, rows[0]).ConfigureAwait(false);
            var accepted = await ImportAsync(connection, pending.Series, rows, pending.SumOffset.Value).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (var row in rows)
                {
                    if (pending.Rows.TryGetValue(row.Start, out var queued) && queued == row)
                    {
                        pending.Rows.Remove(row.Start);
                    }
                }

                RememberWaiting(pending);
            }

            Interlocked.Add(ref accepted ? ref _delivered : ref _dropped, rows.Length);
        }
    }

    /// <summary>Sends rows; false (reported once per reason) when Home Assistant refuses them, since sending them again would not help.</summary>
    private async Task<bool> ImportAsync(HomeAssistantConnection connection, StatisticSeries series, StatisticRow[] rows, decimal sumOffset)
    {
        try
        {
            var id = connection.NextId();
            using var _ = await connection.CommandAsync(id, StatisticsMessages.Import(id, series, rows, sumOffset, _legacyMetadata), _stop.Token).ConfigureAwait(false);
            return true;
        }
        catch (HomeAssistantRefusedException refusal) when (!_legacyMetadata && refusal.Code == "invalid_format" && refusal.Message.Contains("extra keys", StringComparison.Ordinal))
        {
            // Home Assistant before 2025.10 knows neither mean_type nor unit_class.
            _legacyMetadata = true;
            return await ImportAsync(connection, series, rows, sumOffset).ConfigureAwait(false);
        }
        catch (HomeAssistantRefusedException refusal)
        {
            var hint = refusal.Code == "unauthorized" ? "; importing statistics needs the token of an administrator" : string.Empty;
            Trouble($"Home Assistant refused the hourly statistics of {series.StatisticId} ({refusal.Code}: {refusal.Message}){hint}; {rows.Length} rows dropped");
            return false;
        }
    }

    /// <summary>What to add to the builder's sums so that <paramref name="first"/> continues the sum Home Assistant holds before it.</summary>
    private async Task<decimal> SumOffsetAsync(HomeAssistantConnection connection, StatisticSeries series, StatisticRow first)
    {
        var before = 0m;
        try
        {
            var id = connection.NextId();
            var message = StatisticsMessages.SumsDuringPeriod(id, series.StatisticId, first.Start - SeedLookBack, first.Start);
            using var answer = await connection.CommandAsync(id, message, _stop.Token).ConfigureAwait(false);
            before = LastSum(answer.RootElement, series.StatisticId, first.Start) ?? 0m;
        }
        catch (HomeAssistantRefusedException refusal)
        {
            Trouble($"Home Assistant did not say the sum {series.StatisticId} has reached ({refusal.Code}: {refusal.Message}); its sum starts again from 0");
        }

        return before - (first.Sum - first.State);
    }

    /// <summary>The sum of the latest row before <paramref name="until"/> in a <c>statistics_during_period</c> result (starts in milliseconds since 1970, or ISO text in older versions).</summary>
    private static decimal? LastSum(JsonElement answer, string statisticId, DateTimeOffset until)
    {
        if (!answer.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty(statisticId, out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        decimal? sum = null;
        var latest = DateTimeOffset.MinValue;
        foreach (var row in rows.EnumerateArray())
        {
            if (!row.TryGetProperty("start", out var startValue) || !row.TryGetProperty("sum", out var sumValue) || sumValue.ValueKind != JsonValueKind.Number)
            {
                continue;
            }

            DateTimeOffset start;
            if (startValue.ValueKind == JsonValueKind.Number)
            {
                start = DateTimeOffset.FromUnixTimeMilliseconds((long)startValue.GetDouble());
            }
            else if (startValue.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(startValue.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
            {
                continue;
            }

            if (start < until && start >= latest)
            {
                latest = start;
                sum = sumValue.GetDecimal();
            }
        }

        return sum;
    }

    /// <summary>Writes what waits of <paramref name="pending"/>; under the gate, so that the file never goes back to an older queue.</summary>
    private void RememberWaiting(PendingSeries pending) =>
        _memory?.RememberWaiting(pending.Series.StatisticId, [.. pending.Rows.Values]);

    private void Trouble(string text)
    {
        if (text != _troubleSaid)
        {
            _troubleSaid = text;
            _report("Home Assistant statistics: " + text, NoteLevel.Warning);
        }
    }

    private string Describe(Exception problem) => problem switch
    {
        HomeAssistantRefusedException { Code: "auth_invalid" } refusal =>
            $"Home Assistant at {_options.WebSocketUrl} refused the token ({refusal.Message}); make a long-lived access token as an administrator (your profile in Home Assistant, Security tab, Long-lived access tokens) and give it as homeassistant.statistics.token_file; han tries again every {_options.RetryAtMost.TotalMinutes:0.#} minutes",
        _ => $"cannot reach Home Assistant at {_options.WebSocketUrl} ({problem.Message}); the hourly rows wait (up to {_options.QueueHours} hours) and are sent when it answers",
    };

    /// <summary>The rows of one statistic waiting to be sent, and the offset of its sums once known.</summary>
    private sealed class PendingSeries(StatisticSeries series)
    {
        public StatisticSeries Series { get; } = series;

        public SortedDictionary<DateTimeOffset, StatisticRow> Rows { get; } = [];

        public decimal? SumOffset { get; set; }
    }
}
