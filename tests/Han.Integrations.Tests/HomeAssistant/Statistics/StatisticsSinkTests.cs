using Han.Integrations.HomeAssistant;
using Han.Integrations.HomeAssistant.Statistics;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>The sink between a meter's readings and Home Assistant: which readings it takes, the ids it makes, what it logs.</summary>
public sealed class StatisticsSinkTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    internal static readonly MeterIdentity Kaifa = new("Kaifa", "6970631406021485", "MA304H4", "KFM_001");

    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    [Fact]
    public void Accepts_OnlyReadingsWithTheMeterClock()
    {
        var sink = new StatisticsSink(Options(new Uri("ws://127.0.0.1:9/api/websocket")), Report, TimeProvider.System);

        Assert.True(sink.Accepts(Made(Reading("2026-03-01T10:00:00", 100m, null), Kaifa)));
        Assert.True(sink.Accepts(Made(Reading("2026-03-01T10:00:10", null, null), Kaifa)));
        Assert.False(sink.Accepts(Made(new MeterReading(), Kaifa))); // list 1 of an Aidon: power, no clock
        Assert.False(sink.Accepts(new LineNote("house", DateTimeOffset.UtcNow, "connected", NoteLevel.Information)));
    }

    [Fact]
    public async Task WriteAsync_HourlyLists_ReachHomeAssistantUnderTheMetersIds()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        var sink = new StatisticsSink(Options(homeAssistant.Url), Report, TimeProvider.System);

        await sink.WriteAsync(Made(Reading("2026-03-01T09:00:00", 1000.5m, 20m), Kaifa), default);
        await sink.WriteAsync(Made(Reading("2026-03-01T09:00:10", null, null), Kaifa), default);
        await sink.WriteAsync(Made(Reading("2026-03-01T10:00:00", 1001.75m, 20.25m), Kaifa), default);
        await sink.WriteAsync(Made(Reading("2026-03-01T11:00:00", 1002m, 20.25m), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows("han:6970631406021485_energy_export").Count == 2, "both registers");
        await sink.DisposeAsync();

        Assert.Empty(homeAssistant.Violations);
        Assert.Equal(new[] { 1.25m, 0.25m }, homeAssistant.Rows("han:6970631406021485_energy_import").Select(r => r.State));
        Assert.Equal(new[] { 0.25m, 0m }, homeAssistant.Rows("han:6970631406021485_energy_export").Select(r => r.State));
        Assert.Equal(4, sink.Uploader.Delivered);
    }

    [Fact]
    public async Task WriteAsync_RegisterGoesDown_SaysSoWithTheMeterAndTheStatistic()
    {
        var sink = new StatisticsSink(Options(new Uri("ws://127.0.0.1:9/api/websocket")), Report, TimeProvider.System);

        await sink.WriteAsync(Made(Reading("2026-03-01T09:00:00", 1000m, null), Kaifa), default);
        await sink.WriteAsync(Made(Reading("2026-03-01T10:00:00", 5m, null), Kaifa), default);
        await sink.DisposeAsync();

        Assert.Contains(_reports, r => r.Level == NoteLevel.Warning && r.Text.StartsWith("house: Home Assistant statistic han:6970631406021485_energy_import: the register went down from 1000 kWh to 5 kWh", StringComparison.Ordinal));
    }

    internal static MeterReading Reading(string meterTime, decimal? import, decimal? export)
    {
        var reading = new MeterReading { MeterTime = new MeterClock(DateTime.Parse(meterTime, System.Globalization.CultureInfo.InvariantCulture), null) };
        if (import is { } i)
        {
            reading.Set(ReadingField.ActiveEnergyImport, new Measurement((long)(i * 1000), -3));
        }

        if (export is { } e)
        {
            reading.Set(ReadingField.ActiveEnergyExport, new Measurement((long)(e * 1000), -3));
        }

        return reading;
    }

    internal static ReadingMade Made(MeterReading reading, MeterIdentity identity) =>
        new("house", DateTimeOffset.UtcNow, new LiveReading(reading, identity, null, null));

    internal static HomeAssistantStatisticsOptions Options(Uri url) =>
        new(url, FakeHomeAssistant.GoodToken, Oslo) { RetryFirst = TimeSpan.FromMilliseconds(50), RetryAtMost = TimeSpan.FromMilliseconds(200) };

    private void Report(string text, NoteLevel level)
    {
        lock (_reports)
        {
            _reports.Add((text, level));
        }
    }
}
