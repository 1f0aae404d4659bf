using System.Globalization;
using System.Text.RegularExpressions;
using Han.Readings;

namespace Han.Web.Tests;

/// <summary>/metrics in Prometheus' text format, with the live values and the health counters of the meter.</summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_ASimulatedMeter_ParsesAsPrometheusTextWithItsValues()
    {
        await using var web = await RunningWebServer.StartAsync();
        var lists = SimulatedLists.Take("aidon", RunningWebServer.Meter, TimeSpan.FromMinutes(75));
        await web.FeedAsync([.. lists, LiveEndpointTests.Status(lists[^1].At, readings: lists.Count)]);

        using var answer = await web.Client.GetAsync("metrics");
        var samples = Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", answer.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "version").Value);
        var house = "meter=\"house\"";
        Assert.Equal(lists[^1].Reading.Reading[ReadingField.ActivePowerImport], samples[("han_active_power_import_watts", house)]);
        Assert.Equal(lists.Last(l => l.Reading.Reading.Has(ReadingField.VoltageL1)).Reading.Reading[ReadingField.VoltageL1], samples[("han_voltage_l1_volts", house)]);
        Assert.Equal(lists.Last(l => l.Reading.Reading.Has(ReadingField.ActiveEnergyImport)).Reading.Reading[ReadingField.ActiveEnergyImport], samples[("han_active_energy_import_kilowatt_hours", house)]);
        Assert.Equal(lists.Count, samples[("han_readings_total", house)]);
        Assert.Equal(lists.Count + 3, samples[("han_frames_total", house)]);
        Assert.Equal(2, samples[("han_checksum_errors_total", house)]);
        Assert.Equal(40, samples[("han_skipped_bytes_total", house)]);
        Assert.Equal(lists.Count + 1, samples[("han_sink_written_total", "meter=\"house\",sink=\"web house\"")]);
        Assert.Equal(0, samples[("han_sink_dropped_total", "meter=\"house\",sink=\"web house\"")]);
        Assert.Equal(0, samples[("han_web_stream_dropped_total", house)]);
        Assert.Equal(lists[^1].At.ToUnixTimeMilliseconds() / 1000m, samples[("han_last_reading_timestamp_seconds", house)]);
    }

    /// <summary>
    /// The samples by metric and labels, checking the format on the way: every sample's metric was
    /// described by # HELP and # TYPE before it, its samples stand together, and a line is nothing else.
    /// </summary>
    private static Dictionary<(string Metric, string Labels), decimal> Parse(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var samples = new Dictionary<(string, string), decimal>();
        var typed = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in text[..^1].Split('\n'))
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                Assert.True(typed.Add(type.Groups[1].Value), $"a second # TYPE for {type.Groups[1].Value}");
                continue;
            }

            if (HelpLine().IsMatch(line))
            {
                continue;
            }

            var sample = SampleLine().Match(line);
            Assert.True(sample.Success, $"not a Prometheus line: '{line}'");
            var metric = sample.Groups[1].Value;
            Assert.Contains(metric, typed);
            if (metric != current)
            {
                Assert.True(current is null || finished.Add(current));
                Assert.DoesNotContain(metric, finished);
                current = metric;
            }

            samples.Add((metric, sample.Groups[2].Value), decimal.Parse(sample.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return samples;
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* \S.*$")]
    private static partial Regex HelpLine();

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*=""(?:[^""\\\n]|\\.)*"",?)+)\} (-?[0-9]+(?:\.[0-9]+)?)$")]
    private static partial Regex SampleLine();
}
