namespace Han.Pricing;

/// <summary>
/// The local calendar days to cost: from <see cref="From"/> up to but not including <see cref="To"/>,
/// in the engine's time zone. A month is <see cref="Month"/>; monthly fees are shared by days when
/// the period covers part of a month.
/// </summary>
public sealed record CostPeriod
{
    public CostPeriod(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The period must end after it starts: from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (the end day is not included).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    /// <summary>The first day after the period.</summary>
    public DateOnly To { get; }

    public static CostPeriod Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new CostPeriod(first, first.AddMonths(1));
    }

    public bool Contains(DateOnly day) => day >= From && day < To;
}
