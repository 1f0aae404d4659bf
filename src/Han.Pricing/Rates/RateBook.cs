namespace Han.Pricing;

/// <summary>
/// A country's rates (taxes, fees, support scheme parameters) by name and date, read from data
/// (<see cref="RateBookReader"/>), so a new rate is a new row, not new code.
/// </summary>
public sealed class RateBook
{
    private readonly Dictionary<string, RateRow[]> _byName;

    public RateBook(string country, IEnumerable<RateRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Country = country;
        _byName = rows
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.From).ToArray(), StringComparer.Ordinal);
        foreach (var (name, list) in _byName)
        {
            for (var i = 1; i < list.Length; i++)
            {
                if (list[i - 1].To is null || list[i - 1].To > list[i].From)
                {
                    throw new ArgumentException($"The rates of {country} overlap: {name} from {list[i - 1].From:yyyy-MM-dd} and from {list[i].From:yyyy-MM-dd}; end the first before the second starts.", nameof(rows));
                }
            }
        }
    }

    public string Country { get; }

    public IEnumerable<RateRow> Rows => _byName.Values.SelectMany(r => r);

    /// <summary>The row in force on a local date; a clear error when the data has none.</summary>
    public RateRow On(string name, DateOnly day) =>
        TryOn(name, day) ?? throw new ArgumentException(
            $"No {Country} rate '{name}' is known for {day:yyyy-MM-dd}: add a row for it to the rates data (with its source), or give the value as a setting.");

    public RateRow? TryOn(string name, DateOnly day)
    {
        if (!_byName.TryGetValue(name, out var rows))
        {
            return null;
        }

        foreach (var row in rows)
        {
            if (row.IsValidOn(day))
            {
                return row;
            }
        }

        return null;
    }
}
