namespace Han.Pricing;

/// <summary>
/// The grid company's energiledd: a base price per kWh and the rules that replace it at certain
/// hours, days or months (fri-nettleie's <c>grunnpris</c> and <c>unntak</c>). When several rules hold,
/// the first in the list wins (fri-nettleie leaves this undefined; the files have at most one per hour).
/// </summary>
/// <param name="BaseName">The name shown for the base price on the invoice (e.g. "grunnpris", "Natt/helg").</param>
/// <param name="BaseOrePerKwh">Øre/kWh excluding VAT, elavgift and Enova.</param>
/// <param name="Rules">The exceptions, in order.</param>
public sealed record EnergyCharge(string BaseName, decimal BaseOrePerKwh, IReadOnlyList<EnergyPriceRule> Rules)
{
    public static EnergyCharge Flat(decimal orePerKwh) => new("grunnpris", orePerKwh, []);

    /// <summary>The price (name and øre/kWh) for a clock hour of a day.</summary>
    internal (string Name, decimal OrePerKwh) PriceAt(in LocalDay day, int hour)
    {
        foreach (var rule in Rules)
        {
            if (rule.Applies(day, hour))
            {
                return (rule.Name, rule.OrePerKwh);
            }
        }

        return (BaseName, BaseOrePerKwh);
    }
}
