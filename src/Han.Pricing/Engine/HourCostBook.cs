namespace Han.Pricing;

/// <summary>Adds up each hour's supplier, grid and support amounts (exact, incl VAT) from its intervals.</summary>
internal sealed class HourCostBook
{
    private readonly IReadOnlyList<PricedInterval> _hours;
    private readonly Dictionary<long, int> _index;
    private readonly decimal[] _supplier;
    private readonly decimal[] _grid;
    private readonly decimal[] _support;

    public HourCostBook(IReadOnlyList<PricedInterval> hours)
    {
        _hours = hours;
        _index = new Dictionary<long, int>(hours.Count);
        for (var i = 0; i < hours.Count; i++)
        {
            _index[hours[i].Start.UtcTicks] = i;
        }

        _supplier = new decimal[hours.Count];
        _grid = new decimal[hours.Count];
        _support = new decimal[hours.Count];
    }

    public void AddSupplier(DateTimeOffset start, decimal nok) => Add(_supplier, start, nok);

    public void AddGrid(DateTimeOffset start, decimal nok) => Add(_grid, start, nok);

    public void AddSupport(DateTimeOffset start, decimal nok) => Add(_support, start, nok);

    public List<HourCost> ToList()
    {
        var list = new List<HourCost>(_hours.Count);
        for (var i = 0; i < _hours.Count; i++)
        {
            var hour = _hours[i];
            list.Add(new HourCost(hour.Start, hour.LocalStart, hour.ImportKwh, hour.ExportKwh, hour.Estimated, hour.SpotNokPerKwh, _supplier[i], _grid[i], _support[i]));
        }

        return list;
    }

    private void Add(decimal[] column, DateTimeOffset start, decimal nok)
    {
        var ticks = start.UtcTicks;
        if (_index.TryGetValue(ticks - (ticks % TimeSpan.TicksPerHour), out var i))
        {
            column[i] += nok;
        }
    }
}
