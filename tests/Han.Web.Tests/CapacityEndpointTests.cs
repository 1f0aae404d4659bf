using System.Net;
using System.Text.Json;
using Han.Storage;

namespace Han.Web.Tests;

/// <summary>/api/meters/{name}/capacity: the three peaks by Han.Trust's rule, from stored hours, and the hour under way.</summary>
public sealed class CapacityEndpointTests
{
    private static readonly DateTimeOffset February = new(2025, 1, 31, 23, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// February 2025 at 1 kWh an hour, except: 3 Feb 17:00 and 18:00 local 5 and 4.9 kWh (one day: only
    /// its highest counts), 10 Feb 08:00 4 kWh estimated and flagged, 20 Feb 19:00 3 kWh, 21 Feb 07:00 2.9 kWh.
    /// </summary>
    private static List<EnergyAggregate> Month(DateTimeOffset until)
    {
        var special = new Dictionary<DateTimeOffset, decimal>
        {
            [Local(3, 17)] = 5m,
            [Local(3, 18)] = 4.9m,
            [Local(10, 8)] = 4m,
            [Local(20, 19)] = 3m,
            [Local(21, 7)] = 2.9m,
        };
        return StoredHistory.Hours(
            "house",
            February,
            until,
            hour => special.GetValueOrDefault(hour, 1m),
            hour => hour == Local(10, 8) ? "the import register rose 40 kWh, but power integrated to 4 kWh; the hour's import is integrated power" : null);
    }

    private static DateTimeOffset Local(int day, int hour) => new DateTimeOffset(2025, 2, day, hour, 0, 0, TimeSpan.FromHours(1)).ToUniversalTime();

    [Fact]
    public async Task Capacity_APastMonth_ThreeHighestHoursOnDifferentDaysTheirMeanAndNoCurrentHour()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var hours = Month(February.AddDays(28));
        await history.Store.UpsertAggregatesAsync(hours, CancellationToken.None);

        var capacity = await history.GetAsync("api/meters/house/capacity?month=2025-02");

        Assert.Equal("2025-02", capacity.GetProperty("month").GetString());
        Assert.Equal("Europe/Oslo", capacity.GetProperty("zone").GetString());
        Assert.Equal(4m, capacity.GetProperty("basis_kwh").GetDecimal());
        var peaks = capacity.GetProperty("peaks").EnumerateArray().ToList();
        Assert.Equal(["2025-02-03", "2025-02-10", "2025-02-20"], peaks.Select(p => p.GetProperty("day").GetString()));
        Assert.Equal(["2025-02-03T17:00:00+01:00", "2025-02-10T08:00:00+01:00", "2025-02-20T19:00:00+01:00"], peaks.Select(p => p.GetProperty("start").GetString()));
        Assert.Equal([5m, 4m, 3m], peaks.Select(p => p.GetProperty("import_kwh").GetDecimal()));
        Assert.Equal([true, false, true], peaks.Select(p => p.GetProperty("exact").GetBoolean()));
        Assert.StartsWith("the import register rose 40 kWh", peaks[1].GetProperty("flags").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, peaks[0].GetProperty("flags").ValueKind);
        Assert.Equal(JsonValueKind.Null, capacity.GetProperty("current_hour").ValueKind);
        Assert.Equal(1, capacity.GetProperty("flagged_hours").GetInt32());
    }

    [Fact]
    public async Task Capacity_ThisMonthHalfAnHourAt6Kilowatts_ProjectsSixKwhWhichRaisesTheBasis()
    {
        // 21 Feb 11:30 local: the hour began at 11:00 and han stored a list every 10 s at 6000 W since.
        var hourStart = Local(21, 11);
        var now = hourStart.AddMinutes(30);
        await using var history = await StoredHistory.StartAsync(now);
        await history.Store.UpsertAggregatesAsync(Month(hourStart), CancellationToken.None);
        await history.Store.WriteAsync([.. Enumerable.Range(0, 180).Select(n => StoredHistory.Power("house", hourStart.AddSeconds(10 * n), 6000))], CancellationToken.None);

        var capacity = await history.GetAsync("api/meters/house/capacity");

        Assert.Equal("2025-02", capacity.GetProperty("month").GetString());
        var current = capacity.GetProperty("current_hour");
        Assert.Equal("2025-02-21T11:00:00+01:00", current.GetProperty("start").GetString());
        Assert.Equal(3m, current.GetProperty("import_kwh").GetDecimal()); // 6 kW for half an hour
        Assert.Equal("minute power", current.GetProperty("source").GetString());
        Assert.Equal(1800, current.GetProperty("elapsed_s").GetInt32());
        Assert.Equal(6000m, current.GetProperty("power_w").GetDecimal());
        Assert.Equal(6m, current.GetProperty("projected_kwh").GetDecimal()); // 3 kWh + 6 kW × 1800 s
        Assert.True(current.GetProperty("raises_basis").GetBoolean());
        Assert.Equal(4m, capacity.GetProperty("basis_kwh").GetDecimal()); // the basis itself is of stored hours only
    }

    [Fact]
    public async Task Capacity_ThisMonthAStoredHourAggregateBelowThePeaks_UsesItAndDoesNotRaiseTheBasis()
    {
        var hourStart = Local(21, 11);
        var now = hourStart.AddMinutes(45);
        await using var history = await StoredHistory.StartAsync(now);
        await history.Store.UpsertAggregatesAsync([.. Month(hourStart), new EnergyAggregate("house", AggregateResolution.Hour, hourStart, 0.75m, null, false, null)], CancellationToken.None);
        await history.Store.WriteAsync([StoredHistory.Power("house", now.AddSeconds(-30), 1000)], CancellationToken.None);

        var current = (await history.GetAsync("api/meters/house/capacity")).GetProperty("current_hour");

        Assert.Equal("hour aggregate", current.GetProperty("source").GetString());
        Assert.Equal(0.75m, current.GetProperty("import_kwh").GetDecimal());
        Assert.Equal(1000m, current.GetProperty("power_w").GetDecimal());
        Assert.Equal(1m, current.GetProperty("projected_kwh").GetDecimal()); // 0.75 + 1 kW × 900 s
        Assert.False(current.GetProperty("raises_basis").GetBoolean());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025")]
    [InlineData("2025-02-01")]
    public async Task Capacity_NotAMonth_400SayingTheForm(string month)
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

        using var answer = await history.Web.Client.GetAsync("api/meters/house/capacity?month=" + month);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"month '{month}' is not a month; give YYYY-MM, as in 2025-03", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
