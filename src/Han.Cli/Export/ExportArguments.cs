using System.CommandLine;
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
    private readonly Option<string> _config = new("--config", "-c")
    {
        Description = $"han run's configuration, for its storage: and time_zone when --sqlite, --postgres or --time-zone are not given. Default: {ConfigurationFile.DefaultPath}.",
        DefaultValueFactory = _ => ConfigurationFile.DefaultPath,
    };

    private readonly Option<string?> _meter = new("--meter") { Description = "The meter, by its configured name. Optional when the store has one meter." };
    private readonly Option<string?> _from = new("--from") { Description = $"Start (inclusive): {HistoryTime.Forms}. A calendar form covers what it names (--from 2025 is the year)." };
    private readonly Option<string?> _to = new("--to") { Description = "End (exclusive), in the same forms as --from." };
    private readonly Option<string?> _resolution = new("--resolution") { Description = $"What to write: {ExportResolutions.Valid} (raw: the lists as received; minute: per-minute power in W; the others: energy in kWh).", HelpName = "raw|minute|15min|hour|day|month" };
    private readonly Option<string?> _format = new("--format") { Description = "csv (default; a header row, '.' decimals, times ISO 8601 with the zone's offset) or json (one object per line).", HelpName = "csv|json" };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "The file to write (replaced if it exists). Default: standard output." };
    private readonly Option<string?> _sqlite = new("--sqlite") { Description = "Read the history from this SQLite file instead of the configuration's storage.", HelpName = "PATH" };
    private readonly Option<string?> _postgres = new("--postgres") { Description = "Read the history from this PostgreSQL database (a connection string, as in Host=pi;Database=han;Username=han) instead of the configuration's storage.", HelpName = "CONNECTION" };
    private readonly Option<string?> _zone = new("--time-zone") { Description = "The zone days and months are counted in and times written in (IANA, as in Europe/Oslo). Default: the configuration's time_zone, else the system's.", HelpName = "ZONE" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _config, _meter, _from, _to, _resolution, _format, _output, _sqlite, _postgres, _zone })
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
        var (sqlite, postgres, zoneText) = (parse.GetValue(_sqlite), parse.GetValue(_postgres), parse.GetValue(_zone));
        TimeZoneInfo? zone = null;
        if (zoneText is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out zone))
        {
            return Refuse($"--time-zone '{zoneText}' is not a time zone this system knows; give an IANA name, as in Europe/Oslo or UTC");
        }

        if (sqlite is not null && postgres is not null)
        {
            return Refuse("give either --sqlite or --postgres, not both");
        }

        var store = sqlite is not null ? new ExportSource(new HistoryLocation(sqlite, null), "--sqlite")
            : postgres is not null ? new ExportSource(new HistoryLocation(null, postgres), "--postgres")
            : null;
        if (store is null || zone is null)
        {
            var (configured, problem) = FromConfiguration(parse.GetValue(_config)!);
            if (problem is not null && store is null)
            {
                return (null, problem, true);
            }

            store ??= configured?.Store;
            zone ??= configured?.Zone ?? TimeZoneInfo.Local;
        }

        return Check(parse, store!, zone);
    }

    private (ExportRequest?, string?, bool) Check(ParseResult parse, ExportSource store, TimeZoneInfo zone)
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

        return (new ExportRequest(parse.GetValue(_meter), range, resolution, formatText == "json", parse.GetValue(_output), zone, store), null, false);
    }

    /// <summary>The store and zone of han run's configuration; or why they cannot be taken from it.</summary>
    private static ((ExportSource Store, TimeZoneInfo Zone)? Configured, string? Problem) FromConfiguration(string path)
    {
        RunConfiguration configuration;
        try
        {
            configuration = ConfigurationFile.Read(path, ConfigurationFile.ProcessEnvironment());
        }
        catch (ConfigurationException problem)
        {
            return (null, $"{path}: {problem.Message.Replace("\n", "; ", StringComparison.Ordinal)} (or name the store with --sqlite PATH or --postgres CONNECTION)");
        }

        var storage = configuration.Storage;
        if (!storage.Enabled)
        {
            return (null, $"{path}: storage.enabled is false, so han run keeps no history; name a store with --sqlite PATH or --postgres CONNECTION");
        }

        var store = storage.Kind == StorageKind.Sqlite
            ? new ExportSource(new HistoryLocation(storage.SqlitePath, null), storage.Setting)
            : new ExportSource(new HistoryLocation(null, storage.PostgresConnectionString), storage.Setting);
        return ((store, configuration.TimeZone), null);
    }

    private static (ExportRequest?, string?, bool) Refuse(string problem) => (null, problem, false);
}
