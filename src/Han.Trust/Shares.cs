namespace Han.Trust;

/// <summary>
/// Shares an exact total out by weights so that the parts add up to the total exactly: every part but
/// the last is cut to a micro-kWh (towards zero, so they never add up past the total) and the last takes
/// what remains. Equal parts when the weights are missing or add up to nothing.
/// </summary>
internal static class Shares
{
    private const int Decimals = 6;

    public static decimal[] Split(decimal total, IReadOnlyList<decimal>? weights, int count)
    {
        var parts = new decimal[count];
        var sum = weights?.Sum() ?? 0m;
        var proportional = weights is not null && weights.Count == count && sum > 0 && weights.All(w => w >= 0);
        var given = 0m;
        for (var i = 0; i < count - 1; i++)
        {
            var share = proportional ? total * weights![i] / sum : total / count;
            parts[i] = Math.Round(share, Decimals, MidpointRounding.ToZero);
            given += parts[i];
        }

        parts[count - 1] = total - given;
        return parts;
    }
}
