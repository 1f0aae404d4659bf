namespace Han.Pricing;

/// <summary>
/// The day-ahead price of the customer's bidding zone for one market time unit (15 minutes since
/// 1 October 2025, an hour before; any length is accepted), in NOK/kWh excluding VAT.
/// </summary>
public sealed record SpotPrice(DateTimeOffset Start, TimeSpan Length, decimal NokPerKwh)
{
    public DateTimeOffset End => Start + Length;
}
