using System.Globalization;

namespace Han.Pricing;

/// <summary>Collects the rates and settings a result depended on, each once, in the order first used.</summary>
internal sealed class UsedBook
{
    private readonly List<UsedValue> _values = [];
    private readonly HashSet<RateRow> _rows = new(ReferenceEqualityComparer.Instance);

    public void Rate(RateRow row)
    {
        if (_rows.Add(row))
        {
            var to = row.To is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "…";
            _values.Add(new UsedValue(
                $"{row.Name} {row.From:yyyy-MM-dd}–{to}",
                $"{row.Value.ToString(CultureInfo.InvariantCulture)} {row.Unit}",
                row.Source,
                row.Assumed));
        }
    }

    public void Setting(string name, string value) => _values.Add(new UsedValue(name, value, "setting", false));

    public IReadOnlyList<UsedValue> ToList() => [.. _values];
}
