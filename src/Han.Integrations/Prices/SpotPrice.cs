namespace Han.Integrations.Prices;

/// <summary>
/// The day-ahead spot price of one market time unit (a quarter-hour since 1 Oct 2025, an hour before),
/// in NOK per kWh excluding VAT, as the price services publish it (pricing.md §2).
/// </summary>
/// <param name="Start">The start of the interval (any offset; compared as instants).</param>
/// <param name="End">Its end, exclusive.</param>
/// <param name="NokPerKwh">The spot price, NOK/kWh ex VAT; may be negative.</param>
public sealed record SpotPrice(DateTimeOffset Start, DateTimeOffset End, decimal NokPerKwh)
{
    public TimeSpan Length => End - Start;
}
