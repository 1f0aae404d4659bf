namespace Han.Pricing;

/// <summary>
/// Clock hours of the local day, both ends included: fri-nettleie's "6-21" is 06:00:00 to 21:59:59
/// (specs/pricing.md §5.1). A range whose first hour is after its last wraps past midnight ("22-5").
/// On DST days the hours are clock hours: the repeated 02 of October counts twice as hour 2.
/// </summary>
public readonly record struct HourRange
{
    public HourRange(int first, int last)
    {
        if (first is < 0 or > 23 || last is < 0 or > 23)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"An hour range needs hours 0-23; got {first}-{last}.");
        }

        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    public bool Contains(int hour) => First <= Last ? hour >= First && hour <= Last : hour >= First || hour <= Last;

    public override string ToString() => $"{First:00}-{Last:00}";
}
