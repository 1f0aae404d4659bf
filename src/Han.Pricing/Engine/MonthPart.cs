namespace Han.Pricing;

/// <summary>
/// The days of one month inside a period (From included, To excluded), and the month's length: what a
/// monthly fee is shared by.
/// </summary>
internal readonly record struct MonthPart(int Year, int Month, DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber;

    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    /// <summary>The share of the month, as a fraction of its days (pro rata by days, docs/decisions.md).</summary>
    public decimal Share => (decimal)Days / DaysInMonth;

    public bool IsWholeMonth => Days == DaysInMonth;

    /// <summary>This part's share of a monthly amount: multiplied before it is divided, so whole months stay exact.</summary>
    public decimal ShareOf(decimal monthly) => monthly * Days / DaysInMonth;

    /// <summary>The parts of each month a period touches, in order.</summary>
    public static IEnumerable<MonthPart> Of(CostPeriod period)
    {
        var day = period.From;
        while (day < period.To)
        {
            var nextMonth = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
            var end = nextMonth < period.To ? nextMonth : period.To;
            yield return new MonthPart(day.Year, day.Month, day, end);
            day = end;
        }
    }

    /// <summary>This part cut where a grid tariff changes, each piece with the tariff in force.</summary>
    public IEnumerable<(MonthPart Part, GridTariffPeriod Tariff)> ByTariff(GridTariff tariff, CustomerGroup group)
    {
        var start = From;
        var current = tariff.PeriodFor(start, group);
        for (var day = From.AddDays(1); day < To; day = day.AddDays(1))
        {
            var next = tariff.PeriodFor(day, group);
            if (!ReferenceEquals(next, current))
            {
                yield return (this with { From = start, To = day }, current);
                start = day;
                current = next;
            }
        }

        yield return (this with { From = start, To = To }, current);
    }
}
