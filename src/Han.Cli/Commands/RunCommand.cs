using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Configuration;
using Han.Cli.Io;
using Han.Cli.Service;
using Han.Storage;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han run [--config FILE] [--check] [--mqtt HOST[:PORT]] [--homeassistant]</c> (DESIGN.md §2.3, §2.4): the service that reads every
/// configured meter around the clock and feeds its outputs, until SIGTERM or Ctrl-C, when it writes
/// what its outputs still hold and stops with exit code 0. <c>--check</c> reads the configuration, says
/// what han understood or every problem, and stops. A configuration problem ends with exit code 78
/// (EX_CONFIG of sysexits.h), which the systemd unit does not restart on: retrying cannot fix a typo. A
/// history database server that does not answer at start ends with 69 (EX_UNAVAILABLE), which it does.
/// </summary>
internal static class RunCommand
{
    /// <summary>EX_CONFIG: the configuration is wrong.</summary>
    public const int ConfigurationError = 78;

    /// <summary>EX_UNAVAILABLE: a service han needs (the history's database server) does not answer; systemd starts han again.</summary>
    public const int Unavailable = 69;

    /// <summary>How long the outputs may take to write what they hold when the service stops (systemd waits 90 s by default).</summary>
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(20);

    public static Command Create(StandardStreams streams, TimeProvider clock, Func<string, string?> environment)
    {
        var config = new Option<string>("--config", "-c")
        {
            Description = $"The configuration file (YAML; see deploy/han.yaml). Settings can be overridden by HAN_ environment variables, e.g. HAN_METERS__0__SOURCE. Default: {ConfigurationFile.DefaultPath}.",
            DefaultValueFactory = _ => ConfigurationFile.DefaultPath,
        };
        var check = new Option<bool>("--check")
        {
            Description = "Check the configuration, say what han understood or every problem (setting, value, what would be valid), and stop.",
        };
        var mqtt = new Option<string>("--mqtt")
        {
            Description = "Publish to this MQTT broker (HOST or HOST:PORT): each meter's state as JSON, retained, on <prefix>/<meter>/state (prefix: mqtt.topic_prefix, han by default). Sets mqtt.host (and mqtt.port) over the file's; its other mqtt settings (user, password, TLS) apply.",
            HelpName = "HOST[:PORT]",
        };
        var command = new Command("run", "Run the service: read every configured meter around the clock and feed the outputs (a log, a capture, JSON lines, MQTT, Domoticz), the history (SQLite in the state folder by default; storage: in the configuration), with web: in the configuration, the dashboard and its API, and with prices:, the spot prices of your zone (docs/prices.md). Stops cleanly on SIGTERM or Ctrl-C.");
        command.Options.Add(config);
        command.Options.Add(check);
        var homeAssistant = new Option<bool>("--homeassistant")
        {
            Description = "Announce every meter to Home Assistant by MQTT discovery (with --mqtt or the mqtt: section): one device per meter, an entity per value it sends. Sets homeassistant.enabled over the file's.",
        };
        command.Options.Add(mqtt);
        command.Options.Add(homeAssistant);
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(config)!,
            parse.GetValue(check),
            [.. MqttOption.Settings(parse.GetValue(mqtt)), .. HomeAssistantOption.Settings(parse.GetValue(homeAssistant))],
            streams,
            clock,
            environment,
            cancellation));
        return command;
    }

    /// <summary>Runs the service configured in <paramref name="path"/> (or checks it); also han demo's.</summary>
    internal static async Task<int> RunAsync(string path, bool check, IReadOnlyList<Setting> overrides, StandardStreams streams, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellation)
    {
        RunConfiguration configuration;
        try
        {
            configuration = ConfigurationFile.Read(path, ConfigurationFile.ProcessEnvironment(), overrides);
        }
        catch (ConfigurationException problem)
        {
            var lines = problem.Message.Split('\n');
            var heading = lines.Length == 1 ? "han run: " : $"han run: {path}: {lines.Length} problems:\n  ";
            await streams.Error.WriteLineAsync(heading + string.Join("\n  ", lines)).ConfigureAwait(false);
            return ConfigurationError;
        }

        if (check)
        {
            await using var output = new StreamWriter(streams.Output, leaveOpen: true) { NewLine = "\n" };
            await output.WriteAsync(ConfigurationSummary.Describe(path, configuration)).ConfigureAwait(false);
            return 0;
        }

        HistoryService? history;
        try
        {
            history = await HistoryOpener.OpenAsync(configuration.Storage, configuration.TimeZone, streams.Error, clock, HistoryOpener.DefaultPatience, cancellation).ConfigureAwait(false);
        }
        catch (ConfigurationException problem)
        {
            await streams.Error.WriteLineAsync("han run: " + problem.Message).ConfigureAwait(false);
            return ConfigurationError;
        }
        catch (HistoryUnavailableException problem)
        {
            await streams.Error.WriteLineAsync("han run: " + problem.Message).ConfigureAwait(false);
            return Unavailable;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return 0; // stopped while waiting for the history's server: nothing was read yet
        }

        await using var service = ServiceHost.Build(configuration, streams, clock, environment, history);
        foreach (var warning in configuration.Warnings)
        {
            ServiceLog.Warning(service.Log, warning);
        }

        var meters = string.Join(", ", configuration.Meters.Select(m => $"{m.Name} ({m.Source.Text})"));
        ServiceLog.Information(service.Log, $"han run: reading {meters} as configured in {path}");
        try
        {
            await service.RunAsync(DrainPatience, cancellation).ConfigureAwait(false);
        }
        catch (Han.Web.WebListenException problem)
        {
            await streams.Error.WriteLineAsync("han run: " + problem.Message).ConfigureAwait(false);
            return ConfigurationError;
        }

        ServiceLog.Information(service.Log, "han run: stopped");
        return 0;
    }
}
