namespace Han.Pricing;

/// <summary>
/// One step of the capacity fee: from <see cref="FromKwhPerHour"/> (the lower bound) up to the next
/// step's lower bound, at <see cref="NokPerMonth"/> excluding VAT. fri-nettleie stores the price per year
/// (kr/år); a month is a twelfth of it (specs/pricing.md §5.1).
/// </summary>
public sealed record CapacityStep(decimal FromKwhPerHour, decimal NokPerMonth)
{
    public static CapacityStep PerYear(decimal fromKwhPerHour, decimal nokPerYear) => new(fromKwhPerHour, nokPerYear / 12m);
}
