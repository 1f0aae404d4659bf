using System.Text.Json;
using Han.Readings;

namespace Han.Web;

/// <summary>
/// The last hour of a meter's active power, import and export, for the dashboard's live graph: kept in
/// memory only (history is the storage's job), one point per reading that carried power. An hour of
/// 2.5-second lists is 1440 points, about 35 KB.
/// </summary>
internal sealed class RecentPower
{
    public static readonly TimeSpan Span = TimeSpan.FromHours(1);

    /// <summary>
    /// The most points kept: an hour of one list a second, the fastest meters' pace (DSMR 5, Luxembourg's
    /// Smarty). The hour is measured in receive time, so a source that floods (a replay at many times
    /// real time, a reader that forwards each list over and over) would otherwise grow it without end.
    /// </summary>
    public const int MaxPoints = 3600;

    private readonly Queue<(DateTimeOffset At, decimal? Import, decimal? Export)> _points = new();

    public int Count => _points.Count;

    /// <summary>Keeps the reading's power, if it has any, and forgets what is older than an hour before it.</summary>
    public void Add(DateTimeOffset at, MeterReading reading)
    {
        var import = reading[ReadingField.ActivePowerImport];
        var export = reading[ReadingField.ActivePowerExport];
        if (import is null && export is null)
        {
            return;
        }

        _points.Enqueue((at, import, export));
        while (_points.Peek().At < at - Span || _points.Count > MaxPoints)
        {
            _points.Dequeue();
        }
    }

    /// <summary>
    /// Adds points from before han started (the history's stored lists), so that the graph shows the last
    /// hour at once instead of filling for an hour. Only points older than the oldest live one are taken:
    /// what arrived live is never replaced. <paramref name="points"/> are oldest first.
    /// </summary>
    public void Seed(IReadOnlyList<(DateTimeOffset At, decimal? Import, decimal? Export)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var before = _points.Count > 0 ? _points.Peek().At : DateTimeOffset.MaxValue;
        var live = _points.ToArray();
        _points.Clear();
        foreach (var point in points)
        {
            if (point.At < before && (point.Import is not null || point.Export is not null))
            {
                _points.Enqueue(point);
            }
        }

        foreach (var point in live)
        {
            _points.Enqueue(point);
        }

        if (_points.Count == 0)
        {
            return;
        }

        var newest = _points.Last().At;
        while (_points.Peek().At < newest - Span || _points.Count > MaxPoints)
        {
            _points.Dequeue();
        }
    }

    /// <summary>
    /// Columns, as uPlot takes them: <c>time</c> in Unix seconds (with milliseconds), and the two powers
    /// in W, null where a reading had only one of them.
    /// </summary>
    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonColumns.Numbers(writer, "time", _points, p => (decimal?)(p.At.ToUnixTimeMilliseconds() / 1000m));
        JsonColumns.Numbers(writer, "active_power_import", _points, p => p.Import);
        JsonColumns.Numbers(writer, "active_power_export", _points, p => p.Export);
    }
}
