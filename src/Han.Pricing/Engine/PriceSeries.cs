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
        _prices = [.. prices];
        if (!IsSorted(_prices))
        {
            _prices = [.. _prices.OrderBy(p => p.Start)];
        }

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

        // Prices of equal length (quarters in an hour, or one hour) average without weights; a mix
        // (an hour price and quarter prices meeting in the interval) is weighted by time.
        var first = index;
        var covered = start;
        var sum = 0m;
        var pieces = 0;
        var equal = true;
        var firstTicks = 0L;
        while (covered < end)
        {
            if (index >= _prices.Length || _prices[index].Start > covered || _prices[index].End <= covered)
            {
                return false;
            }

            var price = _prices[index];
            var until = price.End < end ? price.End : end;
            var ticks = (until - covered).Ticks;
            if (pieces == 0)
            {
                firstTicks = ticks;
            }
            else if (ticks != firstTicks)
            {
                equal = false;
            }

            sum += price.NokPerKwh;
            pieces++;
            covered = until;
            index++;
        }

        nokPerKwh = pieces == 1 ? sum : equal ? sum / pieces : Weighted(first, start, end);
        return true;
    }

    // Prices usually come in order from a store or a service; sorting 35,040 quarters of a year again is not free.
    private static bool IsSorted(SpotPrice[] prices)
    {
        for (var i = 1; i < prices.Length; i++)
        {
            if (prices[i].Start < prices[i - 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    private decimal Weighted(int index, DateTimeOffset start, DateTimeOffset end)
    {
        var weighted = 0m;
        for (var covered = start; covered < end; index++)
        {
            var until = _prices[index].End < end ? _prices[index].End : end;
            weighted += _prices[index].NokPerKwh * (until - covered).Ticks;
            covered = until;
        }

        return weighted / (end - start).Ticks;
    }
}
