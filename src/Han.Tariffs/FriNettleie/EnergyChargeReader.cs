using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>
/// fri-nettleie's <c>energiledd</c>: <c>grunnpris</c> (øre/kWh ex VAT and fees) and the <c>unntak</c> that
/// replace it when all their conditions hold (tariff.cue <c>#Energiledd</c>, <c>#Unntak</c>).
/// </summary>
internal static class EnergyChargeReader
{
    /// <summary>The invoice shows the base price under fri-nettleie's own word for it.</summary>
    public const string BaseName = "grunnpris";

    private const string Price = "a price in øre/kWh excluding VAT and fees, e.g. 16.99";

    public static EnergyCharge Read(FriNode energiledd)
    {
        energiledd.AllowOnly("grunnpris", "unntak");
        var basePrice = energiledd.Required("grunnpris", Price).Number(Price);
        var rules = energiledd.Optional("unntak")?.Items("exceptions (navn, pris, timer, dager, måneder)").Select(Rule).ToList() ?? [];
        return new EnergyCharge(BaseName, basePrice, rules);
    }

    private static EnergyPriceRule Rule(FriNode unntak)
    {
        unntak.AllowOnly("navn", "timer", "dager", "måneder", "pris");
        var navn = unntak.Required("navn", "the name the company gives this price, e.g. Virkedag (it is shown on the invoice line)");
        var name = navn.Text("a name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw navn.Invalid("is empty; give the name the company uses for this price (it is shown on the invoice line)");
        }

        var price = unntak.Required("pris", Price).Number(Price);
        var hours = unntak.Optional("timer") is { } timer ? HoursReader.Read(timer) : [];
        var days = unntak.Optional("dager")?.Items(DayWords).Select(d => Vocabulary.Lookup(d, Vocabulary.Days, "day")).ToList() ?? [];
        var months = unntak.Optional("måneder")?.Items(MonthWords).Select(Vocabulary.Month).ToList() ?? [];
        return new EnergyPriceRule(name.Trim(), price, hours, days, months);
    }

    private static string DayWords => string.Join(", ", Vocabulary.Days.Select(d => d.Key));

    private static string MonthWords => string.Join(", ", Vocabulary.Months);
}
