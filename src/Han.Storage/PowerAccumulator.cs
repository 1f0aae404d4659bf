namespace Han.Storage;

/// <summary>Sums power values (W) into a <see cref="PowerSummary"/>, and merges one with a summary already stored.</summary>
internal sealed class PowerAccumulator
{
    private double _sum;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private int _count;

    public void Add(double watts)
    {
        _sum += watts;
        _min = Math.Min(_min, watts);
        _max = Math.Max(_max, watts);
        _count++;
    }

    /// <summary>What was added, merged with <paramref name="stored"/> (the same minute's earlier lists); null when neither has a value.</summary>
    public PowerSummary? MergedWith(PowerSummary? stored)
    {
        if (_count == 0)
        {
            return stored;
        }

        if (stored is null)
        {
            return new PowerSummary(_sum / _count, _min, _max, _count);
        }

        var count = stored.Count + _count;
        return new PowerSummary(
            ((stored.Mean * stored.Count) + _sum) / count,
            Math.Min(stored.Min, _min),
            Math.Max(stored.Max, _max),
            count);
    }
}
