using System.Text.Json;
using Han.Storage;

namespace Han.Web.Tests;

/// <summary>/api/history (where the history is) and /api/status (han's health), and the sink queue in /metrics.</summary>
public sealed class HistoryAndStatusEndpointTests
{
    [Fact]
    public async Task History_AStoreWithTwoMeters_TheZoneTheMetersAndTheSpanOfStoredData()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var first = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
        await history.Store.UpsertAggregatesAsync([new EnergyAggregate("cabin", AggregateResolution.Hour, first, 1m, null, true, null)], CancellationToken.None);
        await history.Store.WriteAsync([StoredHistory.Power("house", new DateTimeOffset(2025, 7, 1, 10, 0, 5, TimeSpan.Zero), 500)], CancellationToken.None);

        var overview = await history.GetAsync("api/history");

        Assert.Equal("Europe/Oslo", overview.GetProperty("zone").GetString());
        Assert.Equal(["house", "cabin"], overview.GetProperty("meters").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("2025-01-01T10:00:00+01:00", overview.GetProperty("first").GetString());
        Assert.Equal("2025-07-01T12:01:00+02:00", overview.GetProperty("last").GetString()); // the end of the last minute
    }

    [Fact]
    public async Task History_NoStore_TheConfiguredMetersAndNoSpan()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var overview = JsonDocument.Parse(await web.Client.GetStringAsync("api/history"));

        Assert.Equal(["house"], overview.RootElement.GetProperty("meters").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(JsonValueKind.Null, overview.RootElement.GetProperty("first").ValueKind);
        Assert.Equal(JsonValueKind.Null, overview.RootElement.GetProperty("last").ValueKind);
        using var energy = JsonDocument.Parse(await web.Client.GetStringAsync("api/meters/house/energy"));
        Assert.Equal(0, energy.RootElement.GetProperty("start").GetArrayLength());
    }

    [Fact]
    public async Task Status_AfterListsAndALineStatus_VersionUptimeStoreLineCountersAndSinkQueue()
    {
        var started = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        await using var history = await StoredHistory.StartAsync(started);
        var lists = SimulatedLists.Take("aidon", RunningWebServer.Meter, TimeSpan.FromMinutes(1));
        await history.Web.FeedAsync([.. lists, LiveEndpointTests.Status(lists[^1].At, readings: lists.Count)]);
        history.Clock.Advance(TimeSpan.FromSeconds(95));

        var status = await history.GetAsync("api/status");

        Assert.StartsWith("0.1.0", status.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-03-02T09:00:00+01:00", status.GetProperty("started").GetString());
        Assert.Equal(95, status.GetProperty("uptime_s").GetInt64());
        Assert.Equal("Europe/Oslo", status.GetProperty("zone").GetString());
        Assert.Equal("sqlite", status.GetProperty("storage").GetProperty("kind").GetString());
        Assert.EndsWith("history.db", status.GetProperty("storage").GetProperty("location").GetString(), StringComparison.Ordinal);
        var meter = Assert.Single(status.GetProperty("meters").EnumerateArray().ToList());
        Assert.Equal("house", meter.GetProperty("name").GetString());
        Assert.Equal("connected", meter.GetProperty("line_state").GetString());
        Assert.Equal(lists.Count, meter.GetProperty("readings").GetInt64());
        Assert.Equal(lists.Count + 3, meter.GetProperty("frames").GetInt64());
        Assert.Equal(2, meter.GetProperty("checksum_errors").GetInt64());
        Assert.Equal(40, meter.GetProperty("skipped_bytes").GetInt64());
        var sink = Assert.Single(status.GetProperty("sinks").EnumerateArray().ToList());
        Assert.Equal("house", sink.GetProperty("meter").GetString());
        Assert.Equal("web house", sink.GetProperty("sink").GetString());
        Assert.Equal(0, sink.GetProperty("queued").GetInt64());
        Assert.Equal(lists.Count + 1, sink.GetProperty("written").GetInt64());
        Assert.Equal(0, sink.GetProperty("dropped").GetInt64());
        Assert.Equal(0, sink.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task Status_NoStore_StorageNone()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var status = JsonDocument.Parse(await web.Client.GetStringAsync("api/status"));

        Assert.Equal("none", status.RootElement.GetProperty("storage").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("storage").GetProperty("location").ValueKind);
    }

    [Fact]
    public async Task Metrics_EveryOutput_HasItsQueueLength()
    {
        await using var web = await RunningWebServer.StartAsync();

        var metrics = await web.Client.GetStringAsync("metrics");

        Assert.Contains("# TYPE han_sink_queued gauge\n", metrics, StringComparison.Ordinal);
        Assert.Contains("han_sink_queued{meter=\"house\",sink=\"web house\"} 0\n", metrics, StringComparison.Ordinal);
    }
}
