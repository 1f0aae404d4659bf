using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Configuration;
using Han.Cli.Import;
using Han.Cli.Io;
using Han.Live;
using Han.Pipeline;
using Han.Storage;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han import CAPTURE... [--config FILE] [--sqlite PATH | --postgres CONN] [--meter NAME] [--time-zone ZONE] [decoder options]</c>
/// (DESIGN.md §2.3, docs/storage.md "Import"): fills the history from captures and raw files. Importing
/// the same input twice changes nothing. Exit code 0 when every input was imported; 1 when one could
/// not be read (the others are imported) or the store could not be opened; 78 for a bad configuration.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var inputs = new Argument<string[]>("CAPTURE")
        {
            Description = "What to import: han captures (han record, han run's capture output; each list keeps its receive time), or any other input han decode reads (raw bytes, hex text), whose lists are timed by the meter's clock. '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var config = new Option<string?>("--config")
        {
            Description = $"han run's configuration file: its store (storage:), its one meter's name, country, key and current-transformer scale. Default: {ConfigurationFile.DefaultPath} when it exists.",
        };
        var sqlite = new Option<string?>("--sqlite") { Description = "Write to this SQLite file (made when missing) instead of the configured store.", HelpName = "PATH" };
        var postgres = new Option<string?>("--postgres") { Description = "Write to this PostgreSQL database (a connection string, e.g. \"Host=localhost;Database=han;Username=han\") instead of the configured store.", HelpName = "CONNECTION" };
        var meter = new Option<string?>("--meter")
        {
            Description = "The meter's name in the store (as in han run's meters:). Default: the configuration's one meter; without a configuration, the meter id its lists state.",
            HelpName = "NAME",
        };
        var zone = new Option<string?>("--time-zone")
        {
            Description = "The zone days and months are aggregated in, and a meter clock without offset is read in (IANA, as in Europe/Oslo). Default: the configuration's time_zone, else the system's.",
            HelpName = "ZONE",
        };
        zone.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } id && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            {
                result.AddError($"--time-zone: '{id}' is not a time zone this system knows; use an IANA name such as Europe/Oslo.");
            }
        });
        var decoding = new DecoderArguments();
        var command = new Command("import", "Fill the history from captures: decode them and write their lists to han run's store. Importing the same capture twice changes nothing. Lists older than the raw-list retention (30 days) are summed into per-minute power rather than kept.");
        command.Arguments.Add(inputs);
        UnknownOptions.Check(command, inputs);
        command.Options.Add(config);
        command.Options.Add(sqlite);
        command.Options.Add(postgres);
        command.Options.Add(meter);
        command.Options.Add(zone);
        decoding.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(sqlite) is not null && result.GetResult(postgres) is not null)
            {
                result.AddError("--sqlite and --postgres name two stores; give one of them.");
            }
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var explicitDecoding = parse.GetResult(decoding.Country) is { Implicit: false } || parse.GetValue(decoding.Key) is not null;
            var request = await ReadRequestAsync(
                parse.GetValue(inputs) ?? [],
                parse.GetValue(config),
                parse.GetValue(sqlite),
                parse.GetValue(postgres),
                parse.GetValue(meter),
                parse.GetValue(zone) is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : null,
                explicitDecoding ? decoding.Read(parse) : null,
                streams.Error).ConfigureAwait(false);
            return request is null ? RunCommand.ConfigurationError : await ImportRun.RunAsync(request, streams, clock, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The request with the configuration's part applied; null (after saying why) when the configuration is wrong.</summary>
    private static async Task<ImportRequest?> ReadRequestAsync(string[] inputs, string? configPath, string? sqlite, string? postgres, string? meterName, TimeZoneInfo? zone, DecoderOptions? decoding, TextWriter error)
    {
        RunConfiguration? configuration = null;
        var path = configPath ?? ConfigurationFile.DefaultPath;
        if (configPath is not null || File.Exists(path))
        {
            try
            {
                configuration = ConfigurationFile.Read(path, ConfigurationFile.ProcessEnvironment());
            }
            catch (ConfigurationException problem)
            {
                await error.WriteLineAsync($"han import: {path}: {problem.Message.Replace("\n", "\n  ", StringComparison.Ordinal)}").ConfigureAwait(false);
                return null;
            }
        }

        var meters = configuration?.Meters ?? [];
        MeterConfiguration? configured;
        if (meterName is not null)
        {
            configured = meters.FirstOrDefault(m => m.Name == meterName);
        }
        else if (meters.Count > 1)
        {
            await error.WriteLineAsync($"han import: {path} configures {meters.Count} meters ({string.Join(", ", meters.Select(m => m.Name))}); say which one the captures are of with --meter NAME").ConfigureAwait(false);
            return null;
        }
        else
        {
            configured = meters.Count == 1 ? meters[0] : null;
        }

        var storage = configuration?.Storage;
        if (sqlite is null && postgres is null && storage is { Enabled: false })
        {
            await error.WriteLineAsync($"han import: {path} turns the history off (storage: enabled: false), so there is no store to import into; turn it on, or name a store with --sqlite PATH or --postgres CONNECTION").ConfigureAwait(false);
            return null;
        }

        var target = sqlite is not null || postgres is not null
            ? new HistoryLocation(sqlite, postgres)
            : storage is null ? new HistoryLocation(StateFolder.HistoryFile, null)
            : storage.Kind == StorageKind.Sqlite ? new HistoryLocation(storage.SqlitePath, null) : new HistoryLocation(null, storage.PostgresConnectionString);
        return new ImportRequest(
            inputs,
            target,
            meterName ?? configured?.Name,
            decoding ?? (configured is null ? new DecoderOptions(Readings.Country.Parse("NO")) : new DecoderOptions(configured.Country, configured.Key, configured.AuthenticationKey)),
            new MeterStateOptions { Scale = configured?.Scale ?? 1 },
            storage is null ? RawListRetention.Default : new RawListRetention(storage.RawListRetention),
            zone ?? configuration?.TimeZone ?? TimeZoneInfo.Local);
    }
}
