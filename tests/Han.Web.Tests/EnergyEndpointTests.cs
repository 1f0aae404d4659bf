using System.Net;
using System.Text.Json;
using Han.Storage;
using Han.TestCorpus.Servers;

namespace Han.Web.Tests;

/// <summary>/api/meters/{name}/energy over a real store: what was stored comes back, in columns, with totals.</summary>
public sealed class EnergyEndpointTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset NewYear2025 = new(2024, 12, 31, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYear2026 = new(2025, 12, 31, 23, 0, 0, TimeSpan.Zero);

    /// <summary>A made-up year: the hour of day shapes it, and every 97th hour is estimated and flagged.</summary>
    internal static decimal YearImport(DateTimeOffset hour) => 0.25m + (hour.Hour / 10m) + ((hour.DayOfYear % 7) * 0.001m);

    internal static string? YearFlags(DateTimeOffset hour) => (hour - NewYear2025).TotalHours % 97 == 5 ? "no hourly register; estimated from the power" : null;

    [Fact]
    public async Task Energy_AYearOfHours_EveryStoredHourWithItsValuesTotalsAndCounts()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));
        var stored = StoredHistory.Hours("house", NewYear2025, NewYear2026, YearImport, YearFlags);
        await history.Store.UpsertAggregatesAsync(stored, CancellationToken.None);

        var energy = await history.GetAsync("api/meters/house/energy?resolution=hour&from=2025&to=2026");

        Assert.Equal(8760, stored.Count);
        Assert.Equal("house", energy.GetProperty("meter").GetString());
        Assert.Equal("hour", energy.GetProperty("resolution").GetString());
        Assert.Equal("Europe/Oslo", energy.GetProperty("zone").GetString());
        Assert.Equal("2025-01-01T00:00:00+01:00", energy.GetProperty("from").GetString());
        Assert.Equal("2026-01-01T00:00:00+01:00", energy.GetProperty("to").GetString());
        Assert.Equal(stored.Select(h => h.Start.ToUnixTimeSeconds()), Column(energy, "start", e => e.GetInt64()));
        Assert.Equal(stored.Select(h => h.ImportKwh!.Value), Column(energy, "import_kwh", e => e.GetDecimal()));
        Assert.Equal(stored.Select(h => h.ExportKwh!.Value), Column(energy, "export_kwh", e => e.GetDecimal()));
        Assert.Equal(stored.Select(h => h.Exact), Column(energy, "exact", e => e.GetBoolean()));
        Assert.Equal(stored.Select(h => h.Flags), Column(energy, "flags", e => e.GetString()));
        Assert.Equal(stored.Sum(h => h.ImportKwh!.Value), energy.GetProperty("total_import_kwh").GetDecimal());
        Assert.Equal(stored.Sum(h => h.ExportKwh!.Value), energy.GetProperty("total_export_kwh").GetDecimal());
        var flagged = stored.Count(h => h.Flags is not null);
        Assert.True(flagged > 80, flagged.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(flagged, energy.GetProperty("estimated_periods").GetInt32());
        Assert.Equal(flagged, energy.GetProperty("flagged_periods").GetInt32());
    }

    [Fact]
    public async Task Energy_NoQueryOnTheSpringForwardDay_TodaysTwentyThreeHoursInTheZone()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 3, 30, 10, 0, 0, TimeSpan.Zero));
        var day = new DateTimeOffset(2025, 3, 29, 23, 0, 0, TimeSpan.Zero);
        await history.Store.UpsertAggregatesAsync(StoredHistory.Hours("house", day.AddDays(-1), day.AddDays(2), _ => 1m), CancellationToken.None);

        var energy = await history.GetAsync("api/meters/house/energy");

        Assert.Equal("hour", energy.GetProperty("resolution").GetString());
        Assert.Equal("2025-03-30T00:00:00+01:00", energy.GetProperty("from").GetString());
        Assert.Equal("2025-03-31T00:00:00+02:00", energy.GetProperty("to").GetString());
        Assert.Equal(23, energy.GetProperty("start").GetArrayLength());
        Assert.Equal(day.ToUnixTimeSeconds(), energy.GetProperty("start")[0].GetInt64());
        Assert.Equal(23m, energy.GetProperty("total_import_kwh").GetDecimal());
    }

    [Fact]
    public async Task Energy_DaysOfAMonth_TheDayAggregatesAndNullWhereUnknown()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var first = new DateTimeOffset(2025, 4, 30, 22, 0, 0, TimeSpan.Zero);
        await history.Store.UpsertAggregatesAsync(
            [
                new EnergyAggregate("house", AggregateResolution.Day, first.AddDays(-1), 99m, null, true, null),
                new EnergyAggregate("house", AggregateResolution.Day, first, 20.5m, 1.25m, true, null),
                new EnergyAggregate("house", AggregateResolution.Day, first.AddDays(1), 18m, null, false, "3 hours estimated"),
                new EnergyAggregate("house", AggregateResolution.Hour, first, 1m, null, true, null),
            ],
            CancellationToken.None);

        var energy = await history.GetAsync("api/meters/house/energy?resolution=day&from=2025-05");

        Assert.Equal("2025-06-01T00:00:00+02:00", energy.GetProperty("to").GetString());
        Assert.Equal([20.5m, 18m], Column(energy, "import_kwh", e => e.GetDecimal()));
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Null], Column(energy, "export_kwh", e => e.ValueKind));
        Assert.Equal(38.5m, energy.GetProperty("total_import_kwh").GetDecimal());
        Assert.Equal(1.25m, energy.GetProperty("total_export_kwh").GetDecimal());
        Assert.Equal(1, energy.GetProperty("estimated_periods").GetInt32());
        Assert.Equal(1, energy.GetProperty("flagged_periods").GetInt32());
    }

    [Fact]
    public async Task Energy_NothingStored_EmptyColumnsAndNullTotals()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

        var energy = await history.GetAsync("api/meters/house/energy?resolution=month&from=2025");

        Assert.Equal(0, energy.GetProperty("start").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, energy.GetProperty("total_import_kwh").ValueKind);
        Assert.Equal(JsonValueKind.Null, energy.GetProperty("total_export_kwh").ValueKind);
    }

    [Theory]
    [InlineData("resolution=week", "resolution 'week' is not a resolution; give 15min, hour, day, month")]
    [InlineData("from=yesterday", "from 'yesterday' is not a time; give YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("from=2025-03-01T00:00:00", "from '2025-03-01T00:00:00' is not a time")]
    [InlineData("from=2025-03-02&to=2025-03-01", "to (2025-03-01) must be after from (2025-03-02); to is exclusive")]
    [InlineData("resolution=15min&from=2025-01&to=2025-06", "resolution=15min answers at most 93 days, and from..to is 151 days: ask for a shorter range, or resolution=hour")]
    [InlineData("resolution=hour&from=2020&to=2025", "resolution=hour answers at most 731 days")]
    public async Task Energy_BadQuery_400NamingTheParameterTheValueAndWhatIsValid(string query, string expected)
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

        using var answer = await history.Web.Client.GetAsync("api/meters/house/energy?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.StartsWith("application/json", answer.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var error = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains(expected, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Energy_AQuarterOfQuarterHoursAndACalendarYearOfHours_WithinTheCaps()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

        // October to December has an autumn DST change (an hour more than 92 days); a leap year of hours is 366 days.
        await history.GetAsync("api/meters/house/energy?resolution=15min&from=2025-10&to=2026");
        await history.GetAsync("api/meters/house/energy?resolution=hour&from=2023&to=2025");
    }

    [Fact]
    public async Task Energy_UnknownMeter_404NamingTheMeters()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

        using var answer = await history.Web.Client.GetAsync("api/meters/hosue/energy");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("no meter is named 'hosue'; han reads house", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Energy_AMeterOnlyTheStoreKnows_AnswersItsHistory()
    {
        await using var history = await StoredHistory.StartAsync(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var hour = new DateTimeOffset(2025, 5, 31, 22, 0, 0, TimeSpan.Zero);
        await history.Store.UpsertAggregatesAsync([new EnergyAggregate("old-cabin", AggregateResolution.Hour, hour, 0.75m, null, true, null)], CancellationToken.None);

        var energy = await history.GetAsync("api/meters/old-cabin/energy");

        Assert.Equal([0.75m], Column(energy, "import_kwh", e => e.GetDecimal()));
    }

    [Fact]
    public async Task Energy_PostgresStore_AnswersExactlyAsSqlite()
    {
        var now = new DateTimeOffset(2025, 3, 15, 12, 0, 0, TimeSpan.Zero);
        var month = StoredHistory.Hours("house", new DateTimeOffset(2025, 2, 28, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), YearImport, YearFlags);
        await using var sqlite = await StoredHistory.StartAsync(now);
        await using var postgresql = await StoredHistory.StartAsync(now, await HistoryStores.OpenPostgresAsync(postgres.CreateDatabase(), CancellationToken.None));
        await sqlite.Store.UpsertAggregatesAsync(month, CancellationToken.None);
        await postgresql.Store.UpsertAggregatesAsync(month, CancellationToken.None);

        const string Path = "api/meters/house/energy?resolution=hour&from=2025-03";
        var fromSqlite = await sqlite.Web.Client.GetStringAsync(Path);
        var fromPostgres = await postgresql.Web.Client.GetStringAsync(Path);

        Assert.Equal(fromSqlite, fromPostgres);
        Assert.Equal(month.Count, JsonDocument.Parse(fromPostgres).RootElement.GetProperty("start").GetArrayLength());
    }

    internal static List<T> Column<T>(JsonElement answer, string name, Func<JsonElement, T> value) =>
        [.. answer.GetProperty(name).EnumerateArray().Select(value)];
}
