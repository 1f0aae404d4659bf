using Han.Pricing;

namespace Han.Pricing.Tests;

/// <summary>
/// Elvia's household tariff as specs/pricing.md §5.2 lists it (kr/month ex VAT; energiledd øre/kWh ex
/// fees; "virkedag" 06-22), built in code the way a fri-nettleie reader would map tariffer/elvia.yml.
/// </summary>
internal static class Elvia
{
    public static readonly decimal[] Thresholds = [0, 2, 5, 10, 15, 20, 25, 50, 75, 100];
    public static readonly decimal[] Steps2025Q1 = [108, 172, 280, 388, 496, 604, 1140, 1680, 2220, 4484];
    public static readonly decimal[] Steps2025 = [100, 152, 240, 328, 416, 504, 940, 1376, 1816, 3656];
    public static readonly decimal[] Steps2026July = [120, 200, 336, 468, 604, 740, 1408, 2080, 2752, 5440];

    public static GridTariff Tariff() => new("Elvia AS",
    [
        Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), 15.21m, 23.21m, Steps2025Q1),
        Period(new DateOnly(2025, 4, 1), new DateOnly(2026, 7, 1), 12.99m, 20.99m, Steps2025),
        Period(new DateOnly(2026, 7, 1), null, 16.99m, 28.99m, Steps2026July),
    ], "specs/pricing.md §5.2 (fri-nettleie tariffer/elvia.yml, CC-BY-4.0)");

    public static GridTariffPeriod Period(DateOnly from, DateOnly? to, decimal night, decimal day, decimal[] monthly) => new(
        from,
        to,
        [CustomerGroup.Household, CustomerGroup.HolidayHome],
        new EnergyCharge("grunnpris", night, [new EnergyPriceRule("Virkedag", day, [new HourRange(6, 21)], [DayKind.WorkingDay], [])]),
        new CapacityCharge(CapacityMethod.ThreeDailyMaximaOfMonth, true, [.. Thresholds.Select((t, i) => new CapacityStep(t, monthly[i]))]));

    /// <summary>The monthly price (ex VAT) of the step for an average, read from a table the test's own way.</summary>
    public static decimal StepPrice(decimal[] monthly, decimal average)
    {
        var price = monthly[0];
        for (var i = 0; i < Thresholds.Length; i++)
        {
            if (average >= Thresholds[i])
            {
                price = monthly[i];
            }
        }

        return price;
    }
}
