using BenchmarkDotNet.Attributes;
using Han.Pricing;

namespace Han.Benchmarks;

/// <summary>
/// Issue 11: costing a year of hours (8,760 hourly intervals of 2026 in Oslo) with 15-minute spot
/// prices (35,040), Elvia's tariff, elavgift, Enova, VAT, the support scheme, the capacity step of each
/// month and the cost of each hour. Target: under 50 ms per year.
/// </summary>
[MemoryDiagnoser]
public class PricingBenchmarks
{
    private CostRequest _request = null!;
    private NorwayCostEngine _engine = null!;

    [Params(SupportScheme.Stromstotte, SupportScheme.Norgespris)]
    public SupportScheme Support { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var zone = NorwaySettings.Oslo;
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 1, 1), zone), TimeSpan.Zero);
        var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2027, 1, 1), zone), TimeSpan.Zero);
        var random = new Random(11);
        var energy = new List<EnergyInterval>();
        var prices = new List<SpotPrice>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            energy.Add(EnergyInterval.ForHour(hour, random.Next(200, 6000) / 1000m, 0m, random.Next(0, 200) == 0));
            for (var quarter = 0; quarter < 4; quarter++)
            {
                prices.Add(new SpotPrice(hour.AddMinutes(15 * quarter), TimeSpan.FromMinutes(15), random.Next(100, 20000) / 10000m));
            }
        }

        _request = new CostRequest(new CostPeriod(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)), energy, prices);
        _engine = new NorwayCostEngine(new NorwaySettings(ElviaJuly2026(), new SupplierContract(4.9m, 39m)) { Support = Support, TimeZone = zone });
    }

    [Benchmark]
    public decimal CostYear() => _engine.Compute(_request).Total;

    // Elvia's household tariff from 1 July 2026 (specs/pricing.md §5.2), valid the whole year here.
    private static GridTariff ElviaJuly2026()
    {
        decimal[] from = [0, 2, 5, 10, 15, 20, 25, 50, 75, 100];
        decimal[] monthly = [120, 200, 336, 468, 604, 740, 1408, 2080, 2752, 5440];
        var workingDays = new EnergyPriceRule("Virkedag", 28.99m, [new HourRange(6, 21)], [DayKind.WorkingDay], []);
        return new GridTariff("Elvia AS",
        [
            new GridTariffPeriod(new DateOnly(2026, 1, 1), null, [CustomerGroup.Household],
                new EnergyCharge("grunnpris", 16.99m, [workingDays]),
                new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [.. from.Select((f, i) => new CapacityStep(f, monthly[i]))])),
        ]);
    }
}
