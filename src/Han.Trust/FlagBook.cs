namespace Han.Trust;

/// <summary>The flags found so far, by the UTC start of the hour they belong to.</summary>
internal sealed class FlagBook
{
    private readonly Dictionary<DateTimeOffset, List<HourFlag>> _flags = [];

    public void Add(DateTimeOffset hourStartUtc, HourFlagKind kind, string reason)
    {
        if (!_flags.TryGetValue(hourStartUtc, out var list))
        {
            list = [];
            _flags[hourStartUtc] = list;
        }

        // Both directions report a missing list in the same words: say it once.
        var flag = new HourFlag(kind, reason);
        if (!list.Contains(flag))
        {
            list.Add(flag);
        }
    }

    public IReadOnlyList<HourFlag> For(DateTimeOffset hourStartUtc) =>
        _flags.TryGetValue(hourStartUtc, out var list) ? list : [];

    public IEnumerable<DateTimeOffset> Hours => _flags.Keys;
}
