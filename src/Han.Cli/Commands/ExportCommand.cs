using System.CommandLine;
using System.Text;
using Han.Cli.Export;
using Han.Cli.Io;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han export [--meter NAME] --from DATE --to DATE --resolution raw|minute|15min|hour|day|month
/// [--format csv|json] [--output FILE] (--sqlite PATH | --postgres CONNECTION) [--time-zone ZONE]</c>
/// (DESIGN.md §2.3): a meter's history from the store, as CSV for a spreadsheet or JSON lines for a
/// script. Dates are read as the REST API reads them (<see cref="HistoryRange"/>). Exit code 0 when
/// written; 64 (EX_USAGE of sysexits.h) for an option's bad value, said with the option, the value and
/// what is valid; 1 when the store or the output cannot be opened or written.
/// </summary>
internal static class ExportCommand
{
    /// <summary>EX_USAGE: the command line is wrong.</summary>
    public const int UsageError = 64;

    public static Command Create(StandardStreams streams)
    {
        var meter = new Option<string?>("--meter") { Description = "The meter, by its configured name. Optional when the store has one meter." };
        var from = new Option<string?>("--from") { Description = $"Start (inclusive): {HistoryTime.Forms}. A calendar form alone covers what it names (--from 2025 is the year)." };
        var to = new Option<string?>("--to") { Description = "End (exclusive), in the same forms as --from." };
        var resolution = new Option<string?>("--resolution") { Description = $"What to write: {ExportResolutions.Valid} (raw: the lists as received; minute: per-minute power in W; the others: energy in kWh).", HelpName = "raw|minute|15min|hour|day|month" };
        var format = new Option<string?>("--format") { Description = "csv (default; a header row, '.' decimals, times ISO 8601 with the zone's offset) or json (one object per line).", HelpName = "csv|json" };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (replaced if it exists). Default: standard output." };
        var sqlite = new Option<string?>("--sqlite") { Description = "The history in this SQLite file (han run's store).", HelpName = "PATH" };
        var postgres = new Option<string?>("--postgres") { Description = "The history in this PostgreSQL database (a connection string, as in Host=pi;Database=han;Username=han).", HelpName = "CONNECTION" };
        var zone = new Option<string?>("--time-zone") { Description = "The zone days and months are counted in and times are written in (IANA, as in Europe/Oslo). Default: the system's.", HelpName = "ZONE" };
        var command = new Command("export", "Write a meter's history from the store: the raw lists, per-minute power, or energy per 15 minutes, hour, day or month, as CSV or JSON lines.");
        foreach (var option in new Option[] { meter, from, to, resolution, format, output, sqlite, postgres, zone })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellation) =>
        {
            var (request, store, problem) = Check(
                parse.GetValue(meter), parse.GetValue(from), parse.GetValue(to), parse.GetValue(resolution), parse.GetValue(format),
                parse.GetValue(output), parse.GetValue(sqlite), parse.GetValue(postgres), parse.GetValue(zone));
            if (problem is not null)
            {
                await streams.Error.WriteLineAsync("han export: " + problem).ConfigureAwait(false);
                return UsageError;
            }

            return await ExportAsync(request!, store!, streams, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The request, or the first problem with the command line.</summary>
    private static (ExportRequest? Request, StoreChoice? Store, string? Problem) Check(
        string? meter, string? from, string? to, string? resolutionText, string? formatText, string? output, string? sqlite, string? postgres, string? zoneText)
    {
        TimeZoneInfo zone = TimeZoneInfo.Local;
        if (zoneText is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneText, out zone!))
        {
            return (null, null, $"--time-zone '{zoneText}' is not a time zone this system knows; give an IANA name, as in Europe/Oslo or UTC");
        }

        if (from is null || to is null)
        {
            return (null, null, $"give both --from and --to ({HistoryTime.Forms}; --to is exclusive), as in --from 2025-01 --to 2025-02");
        }

        if (!ExportResolutions.TryParse(resolutionText, out var resolution))
        {
            return (null, null, resolutionText is null
                ? $"give --resolution: {ExportResolutions.Valid}"
                : $"--resolution '{resolutionText}' is not a resolution; give {ExportResolutions.Valid}");
        }

        if (formatText is not (null or "csv" or "json"))
        {
            return (null, null, $"--format '{formatText}' is not a format; give csv or json");
        }

        if (!HistoryRange.TryParse(from, to, zone, new HistoryRange(DateTimeOffset.MinValue, DateTimeOffset.MaxValue), ("--from", "--to"), out var range, out var problem))
        {
            return (null, null, problem);
        }

        StoreChoice? store = (sqlite, postgres) switch
        {
            (not null, null) => new StoreChoice(sqlite, null),
            (null, not null) => new StoreChoice(null, postgres),
            _ => null,
        };
        if (store is null)
        {
            return (null, null, sqlite is null
                ? "name the store: --sqlite PATH (han run's SQLite file) or --postgres CONNECTION"
                : "give either --sqlite or --postgres, not both");
        }

        return (new ExportRequest(meter, range, resolution, formatText == "json", output, zone), store, null);
    }

    private static async Task<int> ExportAsync(ExportRequest request, StoreChoice choice, StandardStreams streams, CancellationToken cancellation)
    {
        if (choice.SqlitePath is { } path && !File.Exists(path))
        {
            // Opening would create an empty store: say what is wrong instead.
            await streams.Error.WriteLineAsync($"han export: --sqlite {path}: there is no such file; give the file han run writes its history to").ConfigureAwait(false);
            return 1;
        }

        IHistoryStore store;
        try
        {
            store = choice.SqlitePath is { } file
                ? await HistoryStores.OpenSqliteAsync(file, cancellation).ConfigureAwait(false)
                : await HistoryStores.OpenPostgresAsync(choice.PostgresConnection!, cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is HistoryStoreException or System.Data.Common.DbException or ArgumentException or IOException)
        {
            await streams.Error.WriteLineAsync($"han export: the store cannot be opened: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (store.ConfigureAwait(false))
        {
            var (meter, refusal) = await ChooseMeterAsync(store, request.Meter, cancellation).ConfigureAwait(false);
            if (meter is null)
            {
                await streams.Error.WriteLineAsync("han export: " + refusal).ConfigureAwait(false);
                return UsageError;
            }

            return await WriteAsync(store, meter, request, streams, cancellation).ConfigureAwait(false);
        }
    }

    private static async Task<int> WriteAsync(IHistoryStore store, string meter, ExportRequest request, StandardStreams streams, CancellationToken cancellation)
    {
        FileStream? file;
        try
        {
            file = request.OutputPath is { } path ? File.Create(path) : null;
        }
        catch (Exception problem) when (IoFailure.Is(problem))
        {
            await streams.Error.WriteLineAsync($"han export: --output {request.OutputPath}: cannot be written ({IoFailure.Reason(problem)})").ConfigureAwait(false);
            return 1;
        }

        int rows;
        await using (file)
        {
            Stream target = file is null ? streams.Output : new OutputStream(file, request.OutputPath!);
            await using var writer = new StreamWriter(target, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            rows = request.Resolution switch
            {
                ExportResolution.Raw => await RawExport.WriteAsync(store, meter, request, writer, cancellation).ConfigureAwait(false),
                ExportResolution.Minute => await MinuteExport.WriteAsync(store, meter, request, writer, cancellation).ConfigureAwait(false),
                _ => await EnergyExport.WriteAsync(store, meter, request, request.Resolution.Aggregate()!.Value, writer, cancellation).ConfigureAwait(false),
            };
            await writer.FlushAsync(cancellation).ConfigureAwait(false);
        }

        var what = request.Resolution switch { ExportResolution.Raw => "lists", ExportResolution.Minute => "minutes", _ => "periods" };
        await streams.Error.WriteLineAsync(
            $"han export: {rows} {what} of {meter} from {HistoryTime.ToIso(request.Range.From, request.Zone)} to {HistoryTime.ToIso(request.Range.To, request.Zone)} written to {request.OutputPath ?? "standard output"}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>The meter asked for, or the store's only one; else null and why.</summary>
    private static async Task<(string? Meter, string Refusal)> ChooseMeterAsync(IHistoryStore store, string? asked, CancellationToken cancellation)
    {
        var names = (await store.ReadMetersAsync(cancellation).ConfigureAwait(false)).Select(m => m.Name).ToList();
        var known = names.Count == 0 ? "the store has no meter yet" : "the store has " + string.Join(", ", names);
        return asked switch
        {
            not null when names.Contains(asked, StringComparer.Ordinal) => (asked, string.Empty),
            not null => (null, $"--meter '{asked}' is not in the store; {known}"),
            null when names.Count == 1 => (names[0], string.Empty),
            _ => (null, $"give --meter NAME: {known}"),
        };
    }

    private sealed record StoreChoice(string? SqlitePath, string? PostgresConnection);
}
