namespace Han.Pricing;

/// <summary>Rounding of money: to the øre, halves away from zero (as invoices round, not banker's rounding).</summary>
internal static class Money
{
    public static decimal ToOre(decimal nok) => Math.Round(nok, 2, MidpointRounding.AwayFromZero);

    /// <summary>A mean unit price for display: NOK to a hundredth of an øre.</summary>
    public static decimal UnitPrice(decimal nok) => Math.Round(nok, 4, MidpointRounding.AwayFromZero);

    public static decimal OreToNok(decimal ore) => ore / 100m;
}
