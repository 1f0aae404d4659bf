using Han.Pricing;

namespace Han.Tariffs.Tests;

/// <summary>
/// The shipped elvia.yml read by han equals Elvia's tariff as specs/pricing.md §5.2 lists it, the same
/// figures tests/Han.Pricing.Tests/Elvia.cs builds in code (kr/month ex VAT; energiledd øre/kWh ex fees).
/// </summary>
public class ElviaFileTests
{
    private static readonly decimal[] Thresholds = [0, 2, 5, 10, 15, 20, 25, 50, 75, 100];

    public static TheoryData<string, string?, decimal, decimal, decimal[]> PricingMdPeriods => new()
    {
        { "2025-01-01", "2025-04-01", 15.21m, 23.21m, [108, 172, 280, 388, 496, 604, 1140, 1680, 2220, 4484] },
        { "2025-04-01", "2026-07-01", 12.99m, 20.99m, [100, 152, 240, 328, 416, 504, 940, 1376, 1816, 3656] },
        { "2026-07-01", null, 16.99m, 28.99m, [120, 200, 336, 468, 604, 740, 1408, 2080, 2752, 5440] },
    };

    [Theory]
    [MemberData(nameof(PricingMdPeriods))]
    public void Resolve_Elvia_EqualsPricingMdForEachPeriod(string from, string? to, decimal night, decimal day, decimal[] monthly)
    {
        var validFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var expected = new GridTariffPeriod(
            validFrom,
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            [CustomerGroup.Household, CustomerGroup.HolidayHome],
            new EnergyCharge("grunnpris", night, [new EnergyPriceRule("Virkedag", day, [new HourRange(6, 21)], [DayKind.WorkingDay], [])]),
            new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [.. Thresholds.Select((t, i) => new CapacityStep(t, monthly[i]))]));

        var tariff = GridTariffs.Resolve("elvia");

        Assert.Equal("Elvia AS", tariff.Company);
        TariffAssert.Equal(expected, Assert.Single(tariff.Periods, p => p.ValidFrom == validFrom));
    }

    [Fact]
    public void Resolve_Elvia_KeepsTheEarlierPeriodAndLeavesOutTheBusinessGroup()
    {
        var tariff = GridTariffs.Resolve("elvia");

        // elvia.yml has four tariffs, the first from 2024-10-01 (1344 kr/year = 112 kr/month on 0-2);
        // from 2025-04-01 they also name liten_næring, which han does not cost.
        Assert.Equal(4, tariff.Periods.Count);
        var first = tariff.Periods[0];
        Assert.Equal(new DateOnly(2024, 10, 1), first.ValidFrom);
        Assert.Equal(112m, first.Capacity.StepFor(1m).Step.NokPerMonth);
        Assert.All(tariff.Periods, p => Assert.Equal(new[] { CustomerGroup.Household, CustomerGroup.HolidayHome }, p.CustomerGroups));
    }

    [Fact]
    public void Resolve_Elvia_SourceCreditsFriNettleieAndTheCompanysPages()
    {
        var tariff = GridTariffs.Resolve("Elvia");

        Assert.Contains("Fri nettleie (https://github.com/kraftsystemet/fri-nettleie), CC-BY-4.0", tariff.Source, StringComparison.Ordinal);
        Assert.Contains("unmodified", tariff.Source, StringComparison.Ordinal);
        Assert.Contains("sist_oppdatert 2026-06-05", tariff.Source, StringComparison.Ordinal);
        Assert.Contains("https://www.elvia.no/nettleie/alt-om-nettleiepriser/", tariff.Source, StringComparison.Ordinal);
    }
}
