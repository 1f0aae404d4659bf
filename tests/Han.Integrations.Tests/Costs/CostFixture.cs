using Han.Costs.Tests;
using Han.Pricing;
using Han.Storage;

namespace Han.Integrations.Tests.Costs;

/// <summary>
/// A Norgespris household in Elvia's area (<see cref="NorgesprisElvia"/>)
/// on a working-day afternoon, in a real SQLite store: the month's hours so far, the hour under way
/// (0.6 kWh by 14:20), quarter-hour spot prices, and the per-minute power a test gives.
/// </summary>
internal sealed class CostFixture : IAsyncDisposable
{
    public static readonly TimeZoneInfo Oslo = NorwaySettings.Oslo;
    public static readonly DateTimeOffset MonthStart = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(2));
    public static readonly DateTimeOffset Now = new(2026, 8, 12, 14, 20, 0, TimeSpan.FromHours(2)); // a Wednesday
    public static readonly DateTimeOffset HourStart = Now.AddMinutes(-20);

    /// <summary>The all-in price of a kWh under Norgespris (§7): (40 øre + markup 4.9 + energiledd + elavgift 7.13 + Enova 1) × VAT 1.25, spot or not.</summary>
    public static readonly decimal DayPrice = (40m + 4.9m + 28.99m + 7.13m + 1m) / 100m * 1.25m;

    public static readonly decimal NightPrice = (40m + 4.9m + 16.99m + 7.13m + 1m) / 100m * 1.25m;

    private readonly string _folder;

    private CostFixture(string folder, IHistoryStore store)
    {
        _folder = folder;
        Store = store;
    }

    public IHistoryStore Store { get; }

    /// <summary>The hours stored, so that a test computes what they cost on its own.</summary>
    public List<(DateTimeOffset Start, decimal Kwh)> Hours { get; } = [];

    public static async Task<CostFixture> CreateAsync(bool withPrices = true)
    {
        var folder = Directory.CreateTempSubdirectory("han-test-coststore-").FullName;
        var fixture = new CostFixture(folder, await HistoryStores.OpenSqliteAsync(Path.Combine(folder, "history.db"), CancellationToken.None));
        await fixture.StoreMonthSoFarAsync();
        if (withPrices)
        {
            await NorgesprisElvia.StorePricesAsync(fixture.Store, MonthStart);
        }

        return fixture;
    }

    public static NorwaySettings Settings() => NorgesprisElvia.Settings();

    /// <summary>One minute of import power (W) in the hour under way.</summary>
    public Task StoreMinuteAsync(DateTimeOffset start, double watts) =>
        Store.WriteImportedAsync("house", Live.MeterIdentity.Unknown, [new MinutePower("house", start.ToUniversalTime(), new PowerSummary(watts, watts, watts, 6), null)], [], CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>1 kWh an hour, 3 kWh at 18:00 (4 on Aug 3, 3.5 on Aug 7), and the hour under way: 0.6 kWh so far, estimated.</summary>
    private async Task StoreMonthSoFarAsync()
    {
        var aggregates = new List<EnergyAggregate>();
        for (var start = MonthStart; start < HourStart; start = start.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(start, Oslo);
            var kwh = local.Hour == 18 ? (local.Day == 3 ? 4.0m : local.Day == 7 ? 3.5m : 3.0m) : 1.0m;
            Hours.Add((start.ToUniversalTime(), kwh));
            aggregates.Add(new EnergyAggregate("house", AggregateResolution.Hour, start.ToUniversalTime(), kwh, 0m, true, null));
        }

        aggregates.Add(new EnergyAggregate("house", AggregateResolution.Hour, HourStart.ToUniversalTime(), 0.6m, 0m, false, "estimated"));
        await Store.UpsertAggregatesAsync(aggregates, CancellationToken.None);
    }
}
