using Han.Live.Fanout;
using Han.Readings;

namespace Han.Web;

/// <summary>
/// What <c>/metrics</c> says (issue 10, point 5): every live value of every meter as a gauge named after
/// its DESIGN.md §2.2 key with its unit (<c>han_active_power_import_watts{meter="house"}</c>), and the
/// health counters: the line's counters from the newest line status (sent every 10 s), each output's
/// queue (queued, written, dropped, failed) and the live streams' drops.
/// </summary>
internal static class MetricsDocument
{
    private static readonly (string Metric, string Help, Func<LineStatus, long> Value)[] LineCounters =
    [
        ("han_readings_total", "Readings decoded since han started.", l => l.Readings),
        ("han_frames_total", "Frames found on the line since han started.", l => l.Frames),
        ("han_checksum_errors_total", "Frames whose checksum was wrong.", l => l.ChecksumErrors),
        ("han_cut_frames_total", "Frames cut short.", l => l.CutFrames),
        ("han_skipped_bytes_total", "Bytes between frames that belonged to none.", l => l.SkippedBytes),
        ("han_undecoded_frames_total", "Frames that passed their checksum but did not decode.", l => l.Undecoded),
    ];

    private static readonly (string Metric, string Help, Func<SinkCounters, long> Value)[] SinkCounters =
    [
        ("han_sink_written_total", "Events an output wrote.", c => c.Written),
        ("han_sink_dropped_total", "Events an output's full queue dropped (the oldest first).", c => c.Dropped),
        ("han_sink_failed_total", "Events an output failed to write.", c => c.Failed),
    ];

    public static string Write(IReadOnlyList<ServedMeter> meters)
    {
        var text = new PrometheusText();
        var snapshots = meters.Select(m => (m.Live.Name, Snapshot: m.Live.Snapshot(), m.Queues, m.Live)).ToList();
        foreach (var info in ReadingFieldInfo.Fields)
        {
            var metric = MetricName(info);
            var described = false;
            foreach (var meter in snapshots)
            {
                if (meter.Snapshot.State?.Reading[info.Field] is not { } value)
                {
                    continue;
                }

                if (!described)
                {
                    text.Describe(metric, "gauge", $"The meter's {info.Key.Replace('_', ' ')}{(info.UnitSymbol.Length > 0 ? $" in {info.UnitSymbol}" : string.Empty)}, as last sent.");
                    described = true;
                }

                text.Sample(metric, value, ("meter", meter.Name));
            }
        }

        WriteEstimates(text, snapshots.Select(m => (m.Name, m.Snapshot.State?.ImportEstimate, m.Snapshot.State?.ExportEstimate)).ToList());
        foreach (var (metric, help, value) in LineCounters)
        {
            text.Describe(metric, "counter", help);
            foreach (var meter in snapshots.Where(m => m.Snapshot.Line is not null))
            {
                text.Sample(metric, value(meter.Snapshot.Line!), ("meter", meter.Name));
            }
        }

        text.Describe("han_last_reading_timestamp_seconds", "gauge", "When the last reading was received, in Unix seconds.");
        foreach (var meter in snapshots.Where(m => m.Snapshot.State?.Reading.Received is not null))
        {
            text.Sample("han_last_reading_timestamp_seconds", meter.Snapshot.State!.Reading.Received!.Value.ToUnixTimeMilliseconds() / 1000m, ("meter", meter.Name));
        }

        foreach (var (metric, help, value) in SinkCounters)
        {
            text.Describe(metric, "counter", help);
            foreach (var meter in snapshots)
            {
                foreach (var queue in meter.Queues)
                {
                    text.Sample(metric, value(queue.Counters), ("meter", meter.Name), ("sink", queue.Name));
                }
            }
        }

        text.Describe("han_sink_queued", "gauge", "Events waiting in an output's queue now.");
        foreach (var meter in snapshots)
        {
            foreach (var queue in meter.Queues)
            {
                text.Sample("han_sink_queued", queue.Queued, ("meter", meter.Name), ("sink", queue.Name));
            }
        }

        text.Describe("han_web_stream_clients", "gauge", "Clients following the meter's live stream.");
        foreach (var meter in snapshots)
        {
            text.Sample("han_web_stream_clients", meter.Live.StreamClients, ("meter", meter.Name));
        }

        text.Describe("han_web_stream_dropped_total", "counter", "Readings dropped for live-stream clients that fell behind.");
        foreach (var meter in snapshots)
        {
            text.Sample("han_web_stream_dropped_total", meter.Live.StreamDrops, ("meter", meter.Name));
        }

        return text.ToString();
    }

    /// <summary><c>han_</c>, the key, and its unit as Prometheus names units (base units, plural).</summary>
    public static string MetricName(ReadingFieldInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var unit = info.UnitSymbol switch
        {
            "W" => "watts",
            "var" => "var",
            "A" => "amperes",
            "V" => "volts",
            "Hz" => "hertz",
            "kWh" => "kilowatt_hours",
            "kvarh" => "kilovar_hours",
            _ => "ratio",
        };
        return $"han_{info.Key}_{unit}";
    }

    private static void WriteEstimates(PrometheusText text, IReadOnlyList<(string Meter, decimal? Import, decimal? Export)> meters)
    {
        foreach (var (key, pick) in new (string, Func<(string Meter, decimal? Import, decimal? Export), decimal?>)[]
                 {
                     ("active_energy_import_estimate", m => m.Import),
                     ("active_energy_export_estimate", m => m.Export),
                 })
        {
            var metric = $"han_{key}_kilowatt_hours";
            var present = meters.Where(m => pick(m) is not null).ToList();
            if (present.Count == 0)
            {
                continue;
            }

            text.Describe(metric, "gauge", "han's own estimate of the energy register from the live power since han started, in kWh (never the meter's register).");
            foreach (var meter in present)
            {
                text.Sample(metric, Math.Round(pick(meter)!.Value, 3), ("meter", meter.Meter));
            }
        }
    }
}
