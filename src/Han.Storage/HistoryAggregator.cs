using Han.Storage.Aggregation;
using Han.Trust;

namespace Han.Storage;

/// <summary>
/// Derives a meter's energy aggregates (15 minutes, hour, day, month) from what the store keeps for
/// ever, the hourly registers and the per-minute power, by the trust rules (docs/trust.md), and writes
/// them over what was stored before. Steps of <see cref="RefreshAsync"/>: (1) the local days touching the
/// range, in the configured zone; (2) registers and per-minute power of those days with a margin of
/// <see cref="Margin"/> each side, so the hours at midnight have the registers around them;
/// (3) the hourly ledger, quarters and day totals, keeping only the rows inside the days; (4) every month
/// touching the days, as the sum of its stored days (docs/storage.md, "Aggregates").
/// </summary>
public sealed class HistoryAggregator
{
    /// <summary>
    /// Registers and power read beyond each end of the days: a list missing at midnight is shared with its
    /// neighbours when they lie within this margin. A gap longer than this around midnight makes the hours
    /// at the day's edge estimated instead of shared (still flagged).
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromHours(6);

    private readonly IHistoryStore _store;

    public HistoryAggregator(IHistoryStore store, TrustOptions options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public TrustOptions Options { get; }

    private TimeZoneInfo Zone => Options.Zone;

    /// <summary>
    /// Recomputes and writes the 15-minute, hour and day aggregates of every local day touching
    /// [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) and the month aggregate of every month touching it.
    /// </summary>
    public async Task RefreshAsync(string meter, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (toUtc < fromUtc)
        {
            throw new ArgumentException($"The range ends ({toUtc:O}) before it starts ({fromUtc:O}).", nameof(toUtc));
        }

        var firstDay = LocalCalendar.DateOf(fromUtc, Zone);
        // The end is not in the range: a range that ends at midnight does not touch the next day.
        var lastDay = toUtc > fromUtc ? LocalCalendar.DateOf(toUtc.AddTicks(-1), Zone) : firstDay;
        var daysStart = LocalCalendar.StartOf(firstDay, Zone);
        var daysEnd = LocalCalendar.StartOf(lastDay.AddDays(1), Zone);

        var registers = await _store.ReadHourlyRegistersAsync(meter, daysStart - Margin, daysEnd + Margin, cancellationToken).ConfigureAwait(false);
        var minutes = await _store.ReadMinutePowerAsync(meter, daysStart - Margin, daysEnd + Margin, cancellationToken).ConfigureAwait(false);
        var quarters = QuarterEstimates.FromMinutes(minutes);
        var hours = HourlyLedger.Build(registers, quarters, Options)
            .Where(h => h.StartUtc >= daysStart && h.StartUtc < daysEnd)
            .ToList();

        var aggregates = new List<EnergyAggregate>();
        aggregates.AddRange(QuarterHours.Split(hours, quarters, Zone).Select(q => PeriodAggregates.Quarter(meter, q)));
        aggregates.AddRange(hours.Select(h => PeriodAggregates.Hour(meter, h)));
        foreach (var day in LocalCalendar.Days(firstDay, lastDay))
        {
            var start = LocalCalendar.StartOf(day, Zone);
            var end = LocalCalendar.StartOf(day.AddDays(1), Zone);
            var ofDay = hours.Where(h => h.StartUtc >= start && h.StartUtc < end).ToList();
            if (PeriodAggregates.Day(meter, start, ofDay, (int)Math.Round((end - start).TotalHours)) is { } total)
            {
                aggregates.Add(total);
            }
        }

        await _store.UpsertAggregatesAsync(aggregates, cancellationToken).ConfigureAwait(false);
        for (var month = LocalCalendar.MonthOf(firstDay); month <= lastDay; month = month.AddMonths(1))
        {
            await RefreshMonthAsync(meter, month, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The month's capacity basis (its three highest hours on three days) from the stored hours.</summary>
    public async Task<CapacityBasis> ReadCapacityBasisAsync(string meter, int year, int month, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, month, 1);
        var hours = await _store.ReadAggregatesAsync(
            meter, AggregateResolution.Hour, LocalCalendar.StartOf(first, Zone), LocalCalendar.StartOf(first.AddMonths(1), Zone), cancellationToken).ConfigureAwait(false);
        return CapacityBasisCalculator.Compute(StoredHours.ToHourRows(hours, Zone), year, month, Zone);
    }

    private async Task RefreshMonthAsync(string meter, DateOnly month, CancellationToken cancellationToken)
    {
        var start = LocalCalendar.StartOf(month, Zone);
        var days = await _store.ReadAggregatesAsync(meter, AggregateResolution.Day, start, LocalCalendar.StartOf(month.AddMonths(1), Zone), cancellationToken).ConfigureAwait(false);
        if (PeriodAggregates.Month(meter, start, days, DateTime.DaysInMonth(month.Year, month.Month)) is { } total)
        {
            await _store.UpsertAggregatesAsync([total], cancellationToken).ConfigureAwait(false);
        }
    }
}
