namespace Han.Integrations.Domoticz;

/// <summary>
/// A counter (Wh) as sent to Domoticz: it never goes down. Domoticz books the difference between two
/// counter values as that interval's consumption, so a lower value would show as negative use (or, on a
/// kWh device, as a counter reset).
/// </summary>
internal sealed class RisingCounter
{
    /// <summary>The highest value offered so far; null before the first.</summary>
    public long? Value { get; private set; }

    public void Offer(long wattHours)
    {
        if (Value is not { } shown || wattHours > shown)
        {
            Value = wattHours;
        }
    }
}
