using System.Net;
using System.Text.Json;
using Han.Readings;
using Han.Storage;

namespace Han.Web.Tests;

/// <summary>/api/meters/{name}/power and /flags over a real SQLite store.</summary>
public sealed class PowerAndFlagsEndpointTests
{
    [Fact]
    public async Task Power_TenMinutesOfSimulatedLists_EachMinutesMeanMinAndMaxOfTheListsImport()
    {
        var lists = SimulatedLists.Take("aidon", RunningWebServer.Meter, TimeSpan.FromMinutes(10));
        await using var history = await StoredHistory.StartAsync(SimulatedLists.Start.AddMinutes(30));
        await history.Store.WriteAsync(lists, CancellationToken.None);

        var power = await history.GetAsync("api/meters/house/power");

        var minutes = lists
            .Where(l => l.Reading.Reading.Has(ReadingField.ActivePowerImport))
            .GroupBy(l => l.At.ToUnixTimeSeconds() / 60 * 60)
            .Select(g => (Start: g.Key, Watts: g.Select(l => (double)l.Reading.Reading[ReadingField.ActivePowerImport]!.Value).ToList()))
            .ToList();
        Assert.Equal(10, minutes.Count);
        Assert.Equal(minutes.Select(m => m.Start), EnergyEndpointTests.Column(power, "time", e => e.GetInt64()));
        Assert.Equal(minutes.Select(m => m.Watts.Average()), EnergyEndpointTests.Column(power, "import_mean", e => e.GetDouble()), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal(minutes.Select(m => m.Watts.Min()), EnergyEndpointTests.Column(power, "import_min", e => e.GetDouble()));
        Assert.Equal(minutes.Select(m => m.Watts.Max()), EnergyEndpointTests.Column(power, "import_max", e => e.GetDouble()));
        Assert.Equal(10, power.GetProperty("export_mean").GetArrayLength());
        Assert.Equal("house", power.GetProperty("meter").GetString());
        Assert.Equal("2026-03-02T10:20:00+01:00", power.GetProperty("to").GetString()); // now, by default
    }

    [Fact]
    public async Task Power_AnExplicitRange_OnlyItsMinutes()
    {
        await using var history = await StoredHistory.StartAsync(SimulatedLists.Start.AddDays(3));
        var start = SimulatedLists.Start;
        await history.Store.WriteAsync([StoredHistory.Power("house", start, 100), StoredHistory.Power("house", start.AddMinutes(1), 200), StoredHistory.Power("house", start.AddMinutes(2), 300)], CancellationToken.None);

        var power = await history.GetAsync("api/meters/house/power?from=2026-03-02T09:51:00%2B01:00&to=2026-03-02T08:52:00Z");

        Assert.Equal([200d], EnergyEndpointTests.Column(power, "import_mean", e => e.GetDouble()));
        Assert.Equal([JsonValueKind.Null], EnergyEndpointTests.Column(power, "export_max", e => e.ValueKind));
    }

    [Fact]
    public async Task Power_MoreThan31Days_400SayingTheCap()
    {
        await using var history = await StoredHistory.StartAsync(SimulatedLists.Start);

        using var answer = await history.Web.Client.GetAsync("api/meters/house/power?from=2026-01&to=2026-03");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("power answers at most 31 days, and from..to is 59 days", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_ThisMonth_EveryFlaggedHourWithItsReasonInOrder()
    {
        var now = new DateTimeOffset(2025, 10, 27, 12, 0, 0, TimeSpan.Zero);
        await using var history = await StoredHistory.StartAsync(now);
        var october = new DateTimeOffset(2025, 9, 30, 22, 0, 0, TimeSpan.Zero);
        await history.Store.UpsertAggregatesAsync(
            [
                .. StoredHistory.Hours("house", october.AddDays(-1), now, _ => 1m, hour => hour.Day == 26 && hour.Hour == 0 ? "a second list for 01:00 came; the first one is kept" : null),
                new EnergyAggregate("house", AggregateResolution.Hour, october.AddHours(-1), 1m, null, false, "September: not this month"),
                new EnergyAggregate("house", AggregateResolution.Day, october, 24m, null, false, "a day, not an hour"),
            ],
            CancellationToken.None);

        var flags = await history.GetAsync("api/meters/house/flags");

        var period = Assert.Single(flags.GetProperty("periods").EnumerateArray().ToList());
        Assert.Equal("2025-10-26T02:00:00+02:00", period.GetProperty("start").GetString());
        Assert.Equal("hour", period.GetProperty("resolution").GetString());
        Assert.Equal("a second list for 01:00 came; the first one is kept", period.GetProperty("flags").GetString());
        Assert.Equal("2025-10-01T00:00:00+02:00", flags.GetProperty("from").GetString());
        Assert.Equal("2025-11-01T00:00:00+01:00", flags.GetProperty("to").GetString());
    }
}
