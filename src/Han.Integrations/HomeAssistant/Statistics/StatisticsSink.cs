using Han.Live.Fanout;
using Han.Readings;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// A meter's output to Home Assistant's long-term statistics: each reading that carries the energy
/// registers feeds an <see cref="HourlyStatisticsBuilder"/> per register, and the hours they close go to
/// a <see cref="StatisticsUploader"/>. Writing never waits for Home Assistant: the uploader has its own
/// queue, so the sink's queue of readings never fills up because Home Assistant is away.
/// <para>Each builder starts where the last run of han stopped (<see cref="StatisticPositionStore"/>), so the
/// hour in which han restarted gets its row too. Its sum then stays continuous with what Home Assistant
/// holds, whatever the remembered sum: the uploader adds to every sum of a run
/// <c>offset = S − (first.Sum − first.State)</c>, S being the last sum Home Assistant holds before the
/// first row sent, so the first row goes out with the sum <c>S + first.State</c> (exactly the sum before
/// it plus its own energy) and each later row with <c>S</c> plus the energy of the rows since. The
/// remembered sum only keeps the builder's own count from starting at 0 again; it cannot make the total
/// jump.</para>
/// <para>The rows still waiting for Home Assistant are remembered in the same store (by the uploader, whenever
/// they change, and before the position moves past them), and queued again with the first reading of their
/// statistic after a start: a stop while Home Assistant is away loses no hour. Their sums are the builder's
/// own count, as the rows made after them, so the offset above, taken at their first row, fits them all:
/// Home Assistant's last sum plus the energy of each hour since.</para>
/// </summary>
public sealed class StatisticsSink : IMeterSink
{
    /// <summary>How long the rows still queued may take to reach Home Assistant when han stops.</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(5);

    private readonly HomeAssistantStatisticsOptions _options;
    private readonly Action<string, NoteLevel> _report;
    private readonly StatisticsUploader _uploader;
    private readonly StatisticPositionStore? _positions;
    private readonly Dictionary<string, HourlyStatisticsBuilder> _builders = new(StringComparer.Ordinal);

    /// <param name="positions">Where the last hourly registers and the rows waiting for Home Assistant are remembered across restarts (shared by the meters of one run); null remembers nothing.</param>
    public StatisticsSink(HomeAssistantStatisticsOptions options, Action<string, NoteLevel> report, TimeProvider clock, StatisticPositionStore? positions = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _uploader = new StatisticsUploader(options, report, clock, positions);
        _positions = positions;
    }

    public string Name => $"homeassistant_statistics {_options.WebSocketUrl}";

    /// <summary>The uploader's counters (delivered, dropped).</summary>
    public StatisticsUploader Uploader => _uploader;

    /// <summary>Every reading with the meter's clock: those without registers let the builders follow the clock (see <see cref="HourlyStatisticsBuilder.See"/>).</summary>
    public bool Accepts(MeterEvent item) => item is ReadingMade { Reading.Reading.MeterTime: not null };

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        if (item is not ReadingMade made || made.Reading.Reading.MeterTime is not { } clock)
        {
            return ValueTask.CompletedTask;
        }

        var reading = made.Reading.Reading;
        foreach (var (register, _, _) in StatisticSeries.Registers)
        {
            // A builder per statistic, not per register: a meter swapped on the same port (another meter
            // id) counts from its own first register, never from the other meter's.
            var series = StatisticSeries.For(register, made.Reading.Identity.MeterId, made.Meter);
            var builder = Builder(series, made.Meter);
            if (reading[register] is not { } value)
            {
                builder.See(clock, made.At);
                continue;
            }

            var before = builder.Position;
            var step = builder.Add(clock, value, made.At);
            if (step.Note is { } note)
            {
                _report($"{made.Meter}: Home Assistant statistic {series.StatisticId}: {note}", NoteLevel.Warning);
            }

            if (step.Rows.Count > 0)
            {
                _uploader.Add(series, step.Rows);
            }

            // Once an hour per register (a new start too, so that a restart goes on from it, not from before it).
            if (builder.Position is { } after && after != before)
            {
                _positions?.Remember(series.StatisticId, after);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _uploader.StopAsync(StopPatience).ConfigureAwait(false);
        await _uploader.DisposeAsync().ConfigureAwait(false);
    }

    private HourlyStatisticsBuilder Builder(StatisticSeries series, string meter)
    {
        if (!_builders.TryGetValue(series.StatisticId, out var builder))
        {
            builder = new HourlyStatisticsBuilder(_options.TimeZone);
            if (_positions?.Recall(series.StatisticId) is { } remembered)
            {
                builder.ResumeFrom(remembered);
            }

            if (_positions?.RecallWaiting(series.StatisticId) is { Count: > 0 } waiting)
            {
                // Rows made before han last stopped, all before the remembered position: sent first.
                _report($"{meter}: Home Assistant statistic {series.StatisticId}: {waiting.Count} hourly rows that were waiting for Home Assistant when han stopped are queued again", NoteLevel.Information);
                _uploader.Add(series, waiting);
            }

            _builders.Add(series.StatisticId, builder);
        }

        return builder;
    }
}
