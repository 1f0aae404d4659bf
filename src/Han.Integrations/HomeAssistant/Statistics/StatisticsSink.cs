using Han.Live.Fanout;
using Han.Readings;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// A meter's output to Home Assistant's long-term statistics: each reading that carries the energy
/// registers feeds an <see cref="HourlyStatisticsBuilder"/> per register, and the hours they close go to
/// a <see cref="StatisticsUploader"/>. Writing never waits for Home Assistant: the uploader has its own
/// queue, so the sink's queue of readings never fills up because Home Assistant is away.
/// </summary>
public sealed class StatisticsSink : IMeterSink
{
    /// <summary>How long the rows still queued may take to reach Home Assistant when han stops.</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(5);

    private readonly HomeAssistantStatisticsOptions _options;
    private readonly Action<string, NoteLevel> _report;
    private readonly StatisticsUploader _uploader;
    private readonly Dictionary<ReadingField, HourlyStatisticsBuilder> _builders = [];

    public StatisticsSink(HomeAssistantStatisticsOptions options, Action<string, NoteLevel> report, TimeProvider clock)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _report = report ?? throw new ArgumentNullException(nameof(report));
        _uploader = new StatisticsUploader(options, report, clock);
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
            if (!_builders.TryGetValue(register, out var builder))
            {
                builder = new HourlyStatisticsBuilder(_options.TimeZone);
                _builders.Add(register, builder);
            }

            if (reading[register] is not { } value)
            {
                builder.See(clock, made.At);
                continue;
            }

            var step = builder.Add(clock, value, made.At);
            var series = StatisticSeries.For(register, made.Reading.Identity.MeterId, made.Meter);
            if (step.Note is { } note)
            {
                _report($"{made.Meter}: Home Assistant statistic {series.StatisticId}: {note}", NoteLevel.Warning);
            }

            if (step.Rows.Count > 0)
            {
                _uploader.Add(series, step.Rows);
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
}
