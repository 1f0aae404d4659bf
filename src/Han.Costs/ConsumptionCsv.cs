using System.Globalization;
using Han.Pricing;

namespace Han.Costs;

/// <summary>
/// Consumption from a CSV file (DESIGN.md §2.3): <c>start,import_kwh[,export_kwh]</c>, one row per hour or
/// per quarter hour, <c>start</c> ISO 8601 with its offset. A header row may name the columns in any order
/// and add others; then <c>exact</c> (true/false) marks estimated rows, so the output of
/// <c>han export --resolution hour</c> reads as it is. A row whose import is empty is a period nobody
/// knows: it is left out, and the cost says the hour is missing rather than billing 0.
/// The rows' length is the shortest step between two starts: one hour or 15 minutes.
/// </summary>
public static class ConsumptionCsv
{
    public static IReadOnlyList<EnergyInterval> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var columns = Columns.Positional;
        var rows = new List<(DateTimeOffset Start, decimal? Import, decimal Export, bool Estimated)>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',');
            if (rows.Count == 0 && columns == Columns.Positional && fields[0].Trim().Trim('"').Equals("start", StringComparison.OrdinalIgnoreCase))
            {
                columns = Columns.FromHeader(path, i + 1, fields);
                continue;
            }

            rows.Add(ReadRow(path, i + 1, line, fields, columns));
        }

        if (rows.Count == 0)
        {
            throw new ConsumptionFileException($"{path}: no consumption rows; write start,import_kwh[,export_kwh] per hour, as in 2026-01-01T00:00:00+01:00,1.234");
        }

        rows.Sort((a, b) => a.Start.CompareTo(b.Start));
        var length = LengthOf(path, rows.Select(r => r.Start).ToList());
        return [.. rows
            .Where(r => r.Import is not null)
            .Select(r => new EnergyInterval(r.Start, length, r.Import!.Value, r.Export, r.Estimated))];
    }

    private static (DateTimeOffset, decimal?, decimal, bool) ReadRow(string path, int line, string text, string[] fields, Columns columns)
    {
        if (fields.Length <= columns.Required)
        {
            throw Bad(path, line, $"'{text}' has {fields.Length} field{(fields.Length == 1 ? "" : "s")}; write start,import_kwh or start,import_kwh,export_kwh");
        }

        if (columns == Columns.Positional && fields.Length > 3)
        {
            throw Bad(path, line, $"'{text}' has {fields.Length} fields; write start,import_kwh[,export_kwh] with a point, not a comma, before decimals (or add a header row naming the columns)");
        }

        var start = ReadTime(path, line, fields[columns.Start]);
        var import = ReadKwh(path, line, fields[columns.Import], "import_kwh");
        var export = columns.Export is { } e && e < fields.Length ? ReadKwh(path, line, fields[e], "export_kwh") ?? 0m : 0m;
        var estimated = columns.Exact is { } x && x < fields.Length && fields[x].Trim().Trim('"').Equals("false", StringComparison.OrdinalIgnoreCase);
        return (start, import, export, estimated);
    }

    /// <summary>One hour or 15 minutes: the shortest step between two rows (one hour when there is one row).</summary>
    private static TimeSpan LengthOf(string path, List<DateTimeOffset> starts)
    {
        var shortest = EnergyInterval.Hour;
        for (var i = 1; i < starts.Count; i++)
        {
            var step = starts[i] - starts[i - 1];
            if (step == TimeSpan.Zero)
            {
                throw new ConsumptionFileException($"{path}: two rows start at {starts[i]:yyyy-MM-ddTHH:mm:sszzz}; keep one row per period");
            }

            shortest = step < shortest ? step : shortest;
        }

        return shortest == EnergyInterval.Hour || shortest == EnergyInterval.Quarter
            ? shortest
            : throw new ConsumptionFileException($"{path}: rows {shortest.TotalMinutes:0.#} minutes apart; give one row per hour or per quarter hour");
    }

    private static DateTimeOffset ReadTime(string path, int line, string text)
    {
        var trimmed = text.Trim().Trim('"');
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && IsoOffset.IsGiven(trimmed)
            ? time
            : throw Bad(path, line, $"'{trimmed}' is not an ISO 8601 time with offset, such as 2026-01-01T00:00:00+01:00");
    }

    private static decimal? ReadKwh(string path, int line, string text, string column)
    {
        var trimmed = text.Trim().Trim('"');
        if (trimmed.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var kwh) && kwh >= 0m
            ? kwh
            : throw Bad(path, line, $"{column} '{trimmed}' is not an energy in kWh such as 1.234 (not negative; a point, not a comma, before the decimals)");
    }

    private static ConsumptionFileException Bad(string path, int line, string what) => new($"{path} line {line}: {what}");

    /// <summary>Where each column is: by position, or as a header row names them.</summary>
    private sealed record Columns(int Start, int Import, int? Export, int? Exact)
    {
        public static readonly Columns Positional = new(0, 1, 2, null);

        /// <summary>The highest index a row must have.</summary>
        public int Required => Math.Max(Start, Import);

        public static Columns FromHeader(string path, int line, string[] names)
        {
            var index = names.Select((name, i) => (Name: name.Trim().Trim('"').ToLowerInvariant(), i)).ToDictionary(n => n.Name, n => n.i);
            return index.TryGetValue("import_kwh", out var import)
                ? new Columns(index["start"], import, index.TryGetValue("export_kwh", out var export) ? export : null, index.TryGetValue("exact", out var exact) ? exact : null)
                : throw Bad(path, line, $"the header '{string.Join(',', names)}' has no import_kwh column; name the columns start,import_kwh[,export_kwh]");
        }
    }
}
