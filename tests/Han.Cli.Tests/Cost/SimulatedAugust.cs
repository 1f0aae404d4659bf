using Han.Cli.Demo;
using Han.Cli.Tests.Export;
using Han.Simulation;
using Han.Simulation.Faults;
using Han.Simulation.Vendors;
using Han.Storage;

namespace Han.Cli.Tests.Cost;

/// <summary>
/// A real SQLite store holding a simulated Aidon house through August 2026, imported as han import would,
/// with a few hourly lists lost, and quarter-hour spot prices for the month in its cache. Made once for
/// the tests that only read it.
/// </summary>
public sealed class SimulatedAugust : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(2));
    public static readonly DateTimeOffset End = new(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(2));

    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    private ExportStore? _store;

    internal ExportStore Store => _store!;

    /// <summary>The spot prices in the cache, NOK/kWh ex VAT, by quarter start (UTC).</summary>
    public Dictionary<DateTimeOffset, decimal> Prices { get; } = [];

    public async Task InitializeAsync()
    {
        _store = await ExportStore.CreateAsync();
        await SimulateAugustAsync(_store.Store);
        await StoreQuarterPricesAsync(_store.Store);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    /// <summary>An Aidon house through August 2026 (and the hour before, for the first hour's register), a few hourly lists lost.</summary>
    private static async Task SimulateAugustAsync(IHistoryStore store)
    {
        using var simulator = new Simulator(new SimulationOptions
        {
            Vendor = MeterVendors.Find("aidon")!,
            Phases = 3,
            Start = Start.AddHours(-1), // the hour before, so the first hour has its starting register
            Seed = 811,
            Faults = FaultPlan.Of((FaultKind.MissingHour, 0.01)),
        });
        var lists = simulator.Transmissions().TakeWhile(t => t.Time < End.AddHours(1)).Where(t => t.Kind != ListKind.Power);
        await DemoBackfill.ImportAsync(lists, store, "house", End.AddHours(1), Oslo, CancellationToken.None);
    }

    /// <summary>Quarter-hour prices for August in the store's cache, some below Norgespris's 40 øre (a charge), most above.</summary>
    private async Task StoreQuarterPricesAsync(IHistoryStore store)
    {
        var prices = Prices;
        var index = 0;
        for (var start = Start.ToUniversalTime(); start < End; start = start.AddMinutes(15), index++)
        {
            prices[start] = 0.20m + ((index * 37 % 101) * 0.0071m);
        }

        var fetched = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero);
        await PriceStores.Of(store).WritePricesAsync("NO1", [.. prices.Select(p => new StoredPrice(p.Key, p.Key.AddMinutes(15), p.Value, "file", fetched))], CancellationToken.None);
        Assert.Contains(prices.Values, p => p < 0.40m);
    }
}
