using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// Watches every meter of <c>han run</c> so that nothing goes quiet unnoticed: a meter that sends no
/// reading for <see cref="Silence"/> is told (Norwegian meters send every 2.5 or 10 s, so a minute means
/// the line or the meter's HAN port is down), and told again when readings come back. Every hour, and
/// when the service stops, each meter's totals and each output's counters go to the log: what was
/// decoded, what the line damaged, what an output dropped or failed to write; and, with a broker, the
/// MQTT connection's counters (one for the whole service).
/// </summary>
/// <param name="mqtt">The MQTT connection's counters; null when no broker is configured.</param>
internal sealed class MeterWatch(IReadOnlyList<MeterPipeline> meters, ILoggerFactory logs, IHostApplicationLifetime lifetime, TimeProvider clock, MqttCounters? mqtt = null) : BackgroundService
{
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SummaryEvery = TimeSpan.FromHours(1);

    private readonly ILogger _log = logs.CreateLogger("han");
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private readonly HashSet<string> _silent = [];
    private readonly LineStatusReporter _lineStatus = new(meters);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSummary = clock.GetUtcNow();
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = clock.GetUtcNow();
                WatchSilence(now);
                _lineStatus.Tick(now);
                if (meters.All(m => m.Stats.Ended))
                {
                    ServiceLog.Information(_log, "every source has ended; stopping");
                    lifetime.StopApplication();
                }

                if (now - lastSummary >= SummaryEvery)
                {
                    Summarise("hourly");
                    lastSummary = now;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final summary follows once the outputs are drained.
        }
    }

    /// <summary>Tells each meter that has just gone quiet, or has just come back, at <paramref name="now"/>.</summary>
    internal void WatchSilence(DateTimeOffset now)
    {
        foreach (var meter in meters)
        {
            WatchSilence(meter, now);
        }
    }

    private void WatchSilence(MeterPipeline meter, DateTimeOffset now)
    {
        var since = meter.Stats.LastReading ?? _started;
        var quiet = now - since;
        if (quiet >= Silence && !meter.Stats.Ended && _silent.Add(meter.Name))
        {
            var what = meter.Stats.LastReading is null ? "no reading yet" : "no reading";
            meter.FanOut.Publish(new LineNote(meter.Name, now, $"{what} for {Minutes(quiet)} (the line is {meter.Stats.State}); check the cable and that the meter's HAN port is open (the grid company opens it)", NoteLevel.Warning));
        }
        else if (quiet < Silence && _silent.Remove(meter.Name))
        {
            meter.FanOut.Publish(new LineNote(meter.Name, now, "readings again", NoteLevel.Information));
        }
    }

    /// <summary>Each meter's totals and its outputs' counters, and the MQTT connection's, to the log.</summary>
    public void Summarise(string when)
    {
        foreach (var meter in meters)
        {
            var outputs = string.Join("; ", meter.FanOut.Queues.Select(q => $"{q.Name}: {q.Counters}"));
            var totals = meter.Stats.Describe();
            ServiceLog.Information(_log, $"{meter.Name}: {when} totals: {totals}; outputs: {outputs}");
        }

        if (mqtt is not null)
        {
            ServiceLog.Information(_log, $"mqtt: {when} totals: {mqtt}");
        }
    }

    private static string Minutes(TimeSpan quiet) => quiet.TotalMinutes < 2 ? $"{quiet.TotalSeconds:0} s" : $"{quiet.TotalMinutes:0} min";
}
