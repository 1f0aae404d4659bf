namespace Han.Pricing;

/// <summary>
/// Spot prices of any resolution, sorted, answering the time-weighted mean over an interval (the mean of
/// the four quarters for an hour; an hour's price for each of its quarters).
/// </summary>
internal sealed class PriceSeries
{
    private readonly SpotPrice[] _prices;
    private readonly long[] _startTicks;

    public PriceSeries(IEnumerable<SpotPrice> prices)
    {
        _prices = [.. prices.OrderBy(p => p.Start)];
        _startTicks = new long[_prices.Length];
        for (var i = 0; i < _prices.Length; i++)
        {
            if (_prices[i].Length <= TimeSpan.Zero)
            {
                throw new ArgumentException($"The spot price at {_prices[i].Start:O} has length {_prices[i].Length}; a price covers a positive interval.", nameof(prices));
            }

            if (i > 0 && _prices[i].Start < _prices[i - 1].End)
            {
                throw new ArgumentException($"Two spot prices overlap at {_prices[i].Start:O}; give one price per interval (drop duplicate series).", nameof(prices));
            }

            _startTicks[i] = _prices[i].Start.UtcTicks;
        }
    }

    /// <summary>The time-weighted mean price over [start, end), or false when some of it has no price.</summary>
    public bool TryMean(DateTimeOffset start, DateTimeOffset end, out decimal nokPerKwh)
    {
        nokPerKwh = 0m;
        var index = Array.BinarySearch(_startTicks, start.UtcTicks);
        if (index < 0)
        {
            index = ~index - 1;
        }

        if (index < 0)
        {
            return false;
        }

        var covered = start;
        var weighted = 0m;
        while (covered < end)
        {
            if (index >= _prices.Length || _prices[index].Start > covered || _prices[index].End <= covered)
            {
                return false;
            }

            var price = _prices[index];
            var until = price.End < end ? price.End : end;
            weighted += price.NokPerKwh * (until - covered).Ticks;
            covered = until;
            index++;
        }

        nokPerKwh = weighted / (end - start).Ticks;
        return true;
    }
}
