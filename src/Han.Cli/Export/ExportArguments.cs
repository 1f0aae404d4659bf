using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Configuration;
using Han.Storage.Queries;

namespace Han.Cli.Export;

/// <summary>
/// The options of <c>han export</c>, read into an <see cref="ExportRequest"/> with every bad value said
/// as the option, the value and what is valid. The store and the zone come from <c>--sqlite</c>,
/// <c>--postgres</c> and <c>--time-zone</c> when given, else from han run's configuration (<c>storage:</c>,
/// <c>time_zone</c>), so that an export reads what the service writes without repeating where.
/// </summary>
internal sealed class ExportArguments
{
    private readonly StoreOptions _store = new("its storage: and time_zone when --sqlite, --postgres or --time-zone are not given");
    private readonly Option<string?> _from = new("--from") { Description = $"Start (inclusive): {HistoryTime.Forms}. A calendar form covers what it names (--from 2025 is the year)." };
    private readonly Option<string?> _to = new("--to") { Description = "End (exclusive), in the same forms as --from." };
    private readonly Option<string?> _resolution = new("--resolution") { Description = $"What to write: {ExportResolutions.Valid} (raw: the lists as received; minute: per-minute power in W; the others: energy in kWh).", HelpName = "raw|minute|15min|hour|day|month" };
    private readonly Option<string?> _format = new("--format") { Description = "csv (default; a header row, '.' decimals, times ISO 8601 with the zone's offset) or json (one object per line).", HelpName = "csv|json" };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "The file to write (replaced if it exists). Default: standard output." };
    private readonly Option<string?> _zone = new("--time-zone") { Description = "The zone days and months are counted in and times written in (IANA, as in Europe/Oslo). Default: the configuration's time_zone, else the system's.", HelpName = "ZONE" };

    public void AddTo(Command command)
    {
        Option[] options = [.. _store.All, _from, _to, _resolution, _format, _output, _zone];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// The request, or the problem and whether it lies in the configuration file (exit code 78) rather
    /// than on the command line (64).
    /// </summary>
    public (ExportRequest? Request, string? Problem, bool InConfiguration) Read(ParseResult parse)
    {
        var zoneText = parse.GetValue(_zone);
        TimeZoneInfo? zone = null;
        if (zoneText is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out zone))
        {
            return Refuse($"--time-zone '{zoneText}' is not a time zone this system knows; give an IANA name, as in Europe/Oslo or UTC");
        }

        var (store, refusal) = _store.ExplicitStore(parse);
        if (refusal is not null)
        {
            return Refuse(refusal);
        }

        if (store is null || zone is null)
        {
            var path = _store.ConfigurationPath(parse);
            var (configuration, problem) = StoreOptions.ReadConfiguration(path);
            if (configuration is not null && store is null)
            {
                (store, problem) = StoreOptions.ConfiguredStore(configuration, path);
            }

            if (problem is not null && store is null)
            {
                return (null, problem, true);
            }

            zone ??= configuration?.TimeZone ?? TimeZoneInfo.Local;
        }

        return Check(parse, store!, zone);
    }

    private (ExportRequest?, string?, bool) Check(ParseResult parse, NamedStore store, TimeZoneInfo zone)
    {
        var (from, to, resolutionText, formatText) = (parse.GetValue(_from), parse.GetValue(_to), parse.GetValue(_resolution), parse.GetValue(_format));
        if (from is null || to is null)
        {
            return Refuse($"give both --from and --to ({HistoryTime.Forms}; --to is exclusive), as in --from 2025-01 --to 2025-02");
        }

        if (!ExportResolutions.TryParse(resolutionText, out var resolution))
        {
            return Refuse(resolutionText is null
                ? $"give --resolution: {ExportResolutions.Valid}"
                : $"--resolution '{resolutionText}' is not a resolution; give {ExportResolutions.Valid}");
        }

        if (formatText is not (null or "csv" or "json"))
        {
            return Refuse($"--format '{formatText}' is not a format; give csv or json");
        }

        var anything = new HistoryRange(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        if (!HistoryRange.TryParse(from, to, zone, anything, ("--from", "--to"), out var range, out var problem))
        {
            return Refuse(problem);
        }

        return (new ExportRequest(_store.Meter(parse), range, resolution, formatText == "json", parse.GetValue(_output), zone, store), null, false);
    }

    private static (ExportRequest?, string?, bool) Refuse(string problem) => (null, problem, false);
}
