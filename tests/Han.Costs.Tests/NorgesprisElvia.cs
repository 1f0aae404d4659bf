using Han.Pricing;
using Han.Storage;

namespace Han.Costs.Tests;

/// <summary>
/// A Norgespris household in Elvia's area with a 4.9 øre markup: Elvia's tariff from 1 July 2026
/// (specs/pricing.md §5.2) built in code, and a month of quarter-hour spot prices above and below 40 øre.
/// Shared by the live cost's tests and the Home Assistant cost tests (linked into Han.Integrations.Tests).
/// </summary>
internal static class NorgesprisElvia
{
    public static NorwaySettings Settings() => new(Tariff(), new SupplierContract(4.9m, 0m)) { Support = SupportScheme.Norgespris };

    public static GridTariff Tariff() => new("Elvia AS",
    [
        new GridTariffPeriod(
            new DateOnly(2026, 7, 1),
            null,
            [CustomerGroup.Household, CustomerGroup.HolidayHome],
            new EnergyCharge("grunnpris", 16.99m, [new EnergyPriceRule("Virkedag", 28.99m, [new HourRange(6, 21)], [DayKind.WorkingDay], [])]),
            new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [new(0m, 120m), new(2m, 200m), new(5m, 336m), new(10m, 468m), new(15m, 604m)])),
    ]);

    /// <summary>Stores NO1's quarter-hour spot prices for the month from <paramref name="monthStart"/>.</summary>
    public static async Task StorePricesAsync(IHistoryStore store, DateTimeOffset monthStart)
    {
        var prices = new List<StoredPrice>();
        var index = 0;
        for (var start = monthStart.ToUniversalTime(); start < monthStart.AddMonths(1); start = start.AddMinutes(15), index++)
        {
            prices.Add(new StoredPrice(start, start.AddMinutes(15), 0.10m + (index % 13 * 0.07m), "file", monthStart));
        }

        await PriceStores.Of(store).WritePricesAsync("NO1", prices, CancellationToken.None);
    }
}
