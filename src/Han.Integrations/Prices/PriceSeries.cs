namespace Han.Integrations.Prices;

/// <summary>The checks every source's prices pass: each interval has a length, and none overlaps the next.</summary>
internal static class PriceSeries
{
    /// <summary>The prices in time order, or a <see cref="PriceSourceException"/> naming the source and the first bad interval.</summary>
    public static IReadOnlyList<SpotPrice> Checked(List<SpotPrice> prices, string source)
    {
        prices.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < prices.Count; i++)
        {
            if (prices[i].End <= prices[i].Start)
            {
                throw new PriceSourceException($"{source}: the price from {prices[i].Start:O} ends at {prices[i].End:O}, not after it starts");
            }

            if (i > 0 && prices[i].Start < prices[i - 1].End)
            {
                throw new PriceSourceException($"{source}: the price from {prices[i].Start:O} overlaps the one from {prices[i - 1].Start:O} to {prices[i - 1].End:O}");
            }
        }

        return prices;
    }
}
