namespace Han.Pricing.Tests;

/// <summary>Deterministic, uneven hourly loads and prices for month tests (to the Wh and the hundredth øre).</summary>
internal static class Load
{
    /// <summary>A house: 0.4-3.4 kWh an hour, heavier in the morning and evening.</summary>
    public static Func<DateTime, decimal> House(int seed)
    {
        var random = new Random(seed);
        return local => Math.Round(0.4m + (local.Hour is >= 7 and <= 9 or >= 17 and <= 21 ? 1.5m : 0m) + (random.Next(0, 1500) / 1000m), 3);
    }

    /// <summary>Spot prices of 0.05-1.55 NOK/kWh ex VAT, to the hundredth of an øre.</summary>
    public static Func<DateTime, decimal> Spot(int seed)
    {
        var random = new Random(seed);
        return _ => random.Next(500, 15500) / 10000m;
    }
}
