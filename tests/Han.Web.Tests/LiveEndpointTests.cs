using System.Globalization;
using System.Net;
using System.Text.Json;
using Han.Live.Fanout;
using Han.Readings;
using Han.Storage;

namespace Han.Web.Tests;

/// <summary>/api/meters and /api/meters/{name}/live against a simulated meter's lists.</summary>
public sealed class LiveEndpointTests
{
    [Theory]
    [InlineData("aidon")]
    [InlineData("kamstrup")]
    public async Task Live_AnHourOfASimulatedMeter_HasTheNewestValuesOfEveryList(string vendor)
    {
        await using var web = await RunningWebServer.StartAsync();
        var lists = SimulatedLists.Take(vendor, RunningWebServer.Meter, TimeSpan.FromMinutes(75));
        await web.FeedAsync(lists);

        using var live = JsonDocument.Parse(await web.Client.GetStringAsync("api/meters/house/live"));
        var state = live.RootElement;
        Assert.Equal("house", state.GetProperty("meter").GetString());
        // Every value equals the one of the newest list that sent it (list 1 sends only power; the
        // registers come with the hourly list).
        foreach (var info in ReadingFieldInfo.Fields)
        {
            var newest = lists.LastOrDefault(l => l.Reading.Reading.Has(info.Field));
            if (newest is null)
            {
                Assert.False(state.TryGetProperty(info.Key, out _), $"{info.Key} was never sent");
                continue;
            }

            Assert.Equal(newest.Reading.Reading[info.Field], state.GetProperty(info.Key).GetDecimal());
        }

        Assert.Equal(lists[^1].Reading.Reading[ReadingField.ActivePowerImport], state.GetProperty("active_power_import").GetDecimal());
        Assert.True(state.TryGetProperty("active_energy_import", out _), "the hourly list came");
        Assert.Equal(lists[^1].Reading.Identity.MeterId, state.GetProperty("meter_id").GetString());
        Assert.Equal(ReceiveTime.ToText(lists[^1].At), state.GetProperty("received").GetString());
    }

    [Fact]
    public async Task Meters_AfterReadingsAndALineStatus_ListsNameIdentityAndLine()
    {
        await using var web = await RunningWebServer.StartAsync();
        var lists = SimulatedLists.Take("aidon", RunningWebServer.Meter, TimeSpan.FromMinutes(2));
        await web.FeedAsync([.. lists, Status(lists[^1].At, readings: lists.Count)]);

        using var meters = JsonDocument.Parse(await web.Client.GetStringAsync("api/meters"));
        var meter = Assert.Single(meters.RootElement.EnumerateArray().ToList());
        Assert.Equal("house", meter.GetProperty("name").GetString());
        Assert.Equal(lists[^1].Reading.Identity.MeterId, meter.GetProperty("meter_id").GetString());
        Assert.Equal(lists[^1].Reading.Identity.ListVersion, meter.GetProperty("list_version").GetString());
        Assert.Equal("connected", meter.GetProperty("line_state").GetString());
        Assert.Equal("2400 8E1", meter.GetProperty("line_settings").GetString());
        Assert.Equal(lists.Count, meter.GetProperty("readings").GetInt64());
    }

    [Fact]
    public async Task Live_UnknownMeter_Is404NamingTheMeters()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var answer = await web.Client.GetAsync("api/meters/hosue/live");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("no meter is named 'hosue'; han reads house", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_TwoHoursOfLists_HoldsTheLastHourOfPowerInOrder()
    {
        await using var web = await RunningWebServer.StartAsync();
        var lists = SimulatedLists.Take("aidon", RunningWebServer.Meter, TimeSpan.FromHours(2));
        await web.FeedAsync(lists);

        using var recent = JsonDocument.Parse(await web.Client.GetStringAsync("api/meters/house/live/recent"));
        var last = lists[^1].At;
        var expected = lists.Where(l => l.At >= last - RecentPower.Span && l.Reading.Reading.Has(ReadingField.ActivePowerImport)).ToList();
        var times = recent.RootElement.GetProperty("time").EnumerateArray().Select(t => t.GetDecimal()).ToList();
        var imports = recent.RootElement.GetProperty("active_power_import").EnumerateArray().Select(p => p.GetDecimal()).ToList();
        Assert.Equal(expected.Select(l => l.At.ToUnixTimeMilliseconds() / 1000m), times);
        Assert.Equal(expected.Select(l => l.Reading.Reading[ReadingField.ActivePowerImport]!.Value), imports);
        Assert.Equal(times.Count, recent.RootElement.GetProperty("active_power_export").GetArrayLength());
        Assert.True(times.Count > 1000, times.Count.ToString(CultureInfo.InvariantCulture)); // 2.5 s lists: 1440 an hour
    }

    [Fact]
    public async Task Recent_ListsFasterThanOneASecond_KeepsTheNewestHourAtOneASecond()
    {
        await using var web = await RunningWebServer.StartAsync();
        // Four hours of lists received twice a second, as a replay at five times real time would: 48 minutes
        // of receive time, more points than an hour of the fastest meter (one list a second) has.
        var lists = SimulatedLists.Take("aidon", RunningWebServer.Meter, TimeSpan.FromHours(4), receivedEvery: TimeSpan.FromSeconds(0.5));
        await web.FeedAsync(lists);

        using var recent = JsonDocument.Parse(await web.Client.GetStringAsync("api/meters/house/live/recent"));
        var times = recent.RootElement.GetProperty("time").EnumerateArray().Select(t => t.GetDecimal()).ToList();
        var expected = lists.Where(l => l.Reading.Reading.Has(ReadingField.ActivePowerImport)).TakeLast(RecentPower.MaxPoints);
        Assert.True(lists.Count(l => l.Reading.Reading.Has(ReadingField.ActivePowerImport)) > RecentPower.MaxPoints);
        Assert.Equal(expected.Select(l => l.At.ToUnixTimeMilliseconds() / 1000m), times);
    }

    [Fact]
    public async Task Recent_HistoryStoredBeforeStart_ShowsTheStoredHourThenTheLiveLists()
    {
        var now = SimulatedLists.Start.AddHours(3);
        var folder = Directory.CreateTempSubdirectory("han-test-web-seed-").FullName;
        try
        {
            var store = await HistoryStores.OpenSqliteAsync(Path.Combine(folder, "history.db"), CancellationToken.None);
            // Two hours before the start (one minute apart): only the last hour is shown.
            var stored = Enumerable.Range(1, 120).Select(m => StoredHistory.Power(RunningWebServer.Meter, now.AddMinutes(-m), 1000 + m)).Reverse().ToList();
            await store.WriteAsync(stored, CancellationToken.None);
            await using var history = await StoredHistory.StartAsync(now, store);
            var live = StoredHistory.Power(RunningWebServer.Meter, now.AddSeconds(2), 42);
            await history.Web.FeedAsync([live]);

            var recent = await history.GetAsync("api/meters/house/live/recent");
            var times = recent.GetProperty("time").EnumerateArray().Select(t => t.GetDecimal()).ToList();
            var imports = recent.GetProperty("active_power_import").EnumerateArray().Select(p => p.GetDecimal()).ToList();
            var expected = stored.Where(l => l.At >= live.At - RecentPower.Span).Append(live).ToList();
            Assert.Equal(expected.Select(l => l.At.ToUnixTimeMilliseconds() / 1000m), times);
            Assert.Equal(expected.Select(l => l.Reading.Reading[ReadingField.ActivePowerImport]!.Value), imports);
            Assert.Equal(42m, imports[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static LineStatus Status(DateTimeOffset at, long readings) =>
        new(RunningWebServer.Meter, at, "connected", "2400 8E1", readings, readings + 3, 2, 1, 40, 1, at);
}
