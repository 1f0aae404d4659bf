using System.Diagnostics;
using Han.Cli.Configuration;
using Han.Cli.Cost;
using Han.Cli.Io;
using Han.Cli.Service.Sinks;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Mqtt;
using Han.Integrations.HomeAssistant.Statistics;
using Han.Live.Fanout;
using Han.Storage;
using Han.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service;

/// <summary>
/// Puts <c>han run</c> together from its configuration (DESIGN.md §1.1): a pipeline per meter, each with
/// its outputs behind their own queues, the watch, and under systemd the readiness and watchdog
/// notifications. The generic host runs them; nothing here reads settings on its own.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DiscoveryJanitor? _janitor;

    private ServiceHost(IHost host, IReadOnlyList<MeterPipeline> meters, MeterWatch watch, ILogger log, MqttConnection? mqtt, DiscoveryJanitor? janitor, WebServer? web, HistoryService? history)
    {
        _host = host;
        History = history;
        Web = web;
        _janitor = janitor;
        Mqtt = mqtt;
        Meters = meters;
        Watch = watch;
        Log = log;
    }

    public IReadOnlyList<MeterPipeline> Meters { get; }

    public MeterWatch Watch { get; }

    public ILogger Log { get; }

    /// <summary>The connection to the MQTT broker, null when none is configured.</summary>
    public MqttConnection? Mqtt { get; }

    /// <summary>The web server (docs/web.md), null without a <c>web:</c> section.</summary>
    public WebServer? Web { get; }

    /// <summary>The history (store, aggregator, zone; docs/storage.md), null with <c>storage.enabled: false</c>. Closed last, at dispose.</summary>
    public HistoryService? History { get; }

    /// <param name="history">The history opened for this run (<see cref="HistoryOpener"/>), owned by the service from here; null keeps none.</param>
    public static ServiceHost Build(RunConfiguration configuration, StandardStreams streams, TimeProvider clock, Func<string, string?> environment, HistoryService? history = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        ReadinessNotifier? readiness = null;
        if (environment("NOTIFY_SOCKET") is { Length: > 0 })
        {
            // A Type=notify unit (deploy/han.service): READY=1 once started, STOPPING=1 when stopping. Set
            // up by hand because AddSystemd() also insists that the parent process is systemd, and
            // sd_notify(3) itself goes by NOTIFY_SOCKET alone (a test's socket, or a container's runner).
            readiness = new ReadinessNotifier(new SystemdNotifier());
            builder.Services.AddSingleton<ISystemdNotifier>(readiness);
            builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
        var journal = environment("JOURNAL_STREAM") is { Length: > 0 };
        var logging = new ServiceLoggerProvider(streams.Error, journal, clock);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logging);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        var sinkLog = logging.CreateLogger("han");

        var mqtt = configuration.Mqtt is { } mqttOptions
            ? new MqttConnection(mqttOptions, (text, level) => ServiceLog.Write(sinkLog, level, text), clock)
            : null;
        // How the meters' hours are costed (docs/cost.md), when prices: and grid: say so; one profile for MQTT and the web.
        var costProfile = CostSettings.FromConfiguration(configuration.Prices, configuration.Grid)?.Profile();
        var costs = costProfile is not null && mqtt is not null && history is not null
            ? new CostReporting(new Han.Costs.LiveCost(costProfile), history.Store, mqtt, configuration.Grid?.StepAlert ?? false, sinkLog, clock)
            : null;
        var homeAssistant = HomeAssistantDiscovery(configuration, mqtt, clock, costs?.Entities ?? []);
        // One file for all meters' statistics, in the state folder, so that a restart loses no hour.
        var statisticPositions = configuration.HomeAssistant?.Statistics is null
            ? null
            : new StatisticPositionStore(StateFolder.StatisticsPositionsFile, (text, level) => ServiceLog.Write(sinkLog, level, text));
        // The web server's view of each meter, kept by a sink of the meter's fan-out like any output.
        var live = configuration.Web is null ? null : configuration.Meters.ToDictionary(m => m.Name, m => new LiveMeter(m.Name), StringComparer.Ordinal);
        var maintenance = history is null
            ? null
            : new HistoryMaintenance(history, [.. configuration.Meters.Select(m => m.Name)], new RawListRetention(configuration.Storage.RawListRetention), sinkLog, clock);
        var meters = configuration.Meters
            .Select(meter =>
            {
                var fanOut = FanOut(meter, configuration, sinkLog, clock, mqtt, homeAssistant, statisticPositions, live?[meter.Name], maintenance is null ? null : (history!, maintenance), costs);
                return new MeterPipeline(meter, fanOut, new MeterStats(), streams, clock);
            })
            .ToList();
        var web = configuration.Web is { } webOptions
            ? new WebServer(webOptions, [.. meters.Select(m => new ServedMeter(live![m.Name], m.FanOut.Queues))], new HistoryOptions(history?.Store, history?.Zone ?? configuration.TimeZone, clock)
            {
                Cost = costProfile,
            })
            : null;
        foreach (var meter in meters)
        {
            builder.Services.AddSingleton<IHostedService>(meter);
        }

        if (maintenance is not null)
        {
            builder.Services.AddSingleton<IHostedService>(maintenance);
        }

        if (configuration.Prices is { } prices && history is not null)
        {
            builder.Services.AddSingleton<IHostedService>(new PriceFetching(prices, history.Store, sinkLog, clock));
        }

        if (costs is not null)
        {
            builder.Services.AddSingleton<IHostedService>(costs);
        }

        builder.Services.AddSingleton<IReadOnlyList<MeterPipeline>>(meters);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(services => new MeterWatch(
            meters, services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IHostApplicationLifetime>(), clock, mqtt?.Counters));
        builder.Services.AddHostedService(services => services.GetRequiredService<MeterWatch>());
        if (SystemdWatchdog.Interval(environment) is { } interval)
        {
            builder.Services.AddHostedService(services => new SystemdWatchdog(
                new SystemdNotifier(), interval, meters, readiness?.Ready ?? Started(services.GetRequiredService<IHostApplicationLifetime>()), clock));
        }

        var host = builder.Build();
        return new ServiceHost(host, meters, host.Services.GetRequiredService<MeterWatch>(), sinkLog, mqtt, homeAssistant?.Janitor, web, history);
    }

    /// <summary>The least the MQTT connection gets to send its queue when han stops, however long the outputs took.</summary>
    private static readonly TimeSpan LeastMqttPatience = TimeSpan.FromSeconds(2);

    /// <summary>Runs until <paramref name="stopping"/> (SIGTERM, Ctrl-C) or every source has ended; then writes what the outputs hold.</summary>
    /// <exception cref="WebListenException">The web server cannot listen where web.listen says; nothing has started.</exception>
    public async Task RunAsync(TimeSpan drainPatience, CancellationToken stopping)
    {
        if (Web is not null)
        {
            // Not cancelled by an early stop: binding takes a moment, and the stop below undoes it.
            await Web.StartAsync(CancellationToken.None).ConfigureAwait(false);
            ServiceLog.Information(Log, $"han run: web server on {Web.Address}");
        }

        if (History is not null)
        {
            ServiceLog.Information(Log, $"han run: history kept in {History.Where}; days and months in {History.Zone.Id}");
        }

        Mqtt?.Start();
        try
        {
            await _host.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while starting: what was read so far is still written and summed up below.
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var draining = Stopwatch.StartNew();
        await Task.WhenAll(Meters.Select(m => m.FanOut.CompleteAsync(drainPatience))).ConfigureAwait(false);
        if (Mqtt is not null)
        {
            // After the outputs: what they handed to the connection is sent before han says offline. The
            // two share one patience (with a little more for the connection), so that the stop, with the
            // connection's own few seconds for offline after it, stays within systemd's TimeoutStopSec.
            var left = drainPatience - draining.Elapsed;
            await Mqtt.CloseAsync(left > LeastMqttPatience ? left : LeastMqttPatience).ConfigureAwait(false);
        }

        if (Web is not null)
        {
            // Last: it shows the state the outputs ended with.
            await Web.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        Watch.Summarise("final");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var meter in Meters)
        {
            await meter.FanOut.DisposeAsync().ConfigureAwait(false);
        }

        if (Mqtt is not null)
        {
            await Mqtt.DisposeAsync().ConfigureAwait(false);
        }

        if (Web is not null)
        {
            await Web.DisposeAsync().ConfigureAwait(false);
        }

        _janitor?.Dispose();
        _host.Dispose();
        if (History is not null)
        {
            // Last: every history sink has written what it held (the fan-outs are disposed above).
            await History.Store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the host has started (every service is running).</summary>
    private static Task Started(IHostApplicationLifetime lifetime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task;
    }

    /// <summary>
    /// Home Assistant's MQTT discovery when both a broker and the <c>homeassistant:</c> section (or
    /// <c>--homeassistant</c>) are configured: its options and the one janitor of the service, which
    /// removes the devices of meters no longer configured.
    /// </summary>
    private static (HomeAssistantOptions Options, DiscoveryJanitor Janitor)? HomeAssistantDiscovery(RunConfiguration configuration, MqttConnection? mqtt, TimeProvider clock, IReadOnlyList<HomeAssistantEntity> costEntities)
    {
        if (mqtt is null || configuration.HomeAssistant is not { Discovery: { } discovery })
        {
            return null;
        }

        var options = discovery with { ConfiguredMeters = [.. configuration.Meters.Select(m => m.Name)], CostEntities = costEntities };
        return (options, new DiscoveryJanitor(options, mqtt, clock));
    }

    private static MeterFanOut FanOut(MeterConfiguration meter, RunConfiguration configuration, ILogger log, TimeProvider clock, MqttConnection? mqtt, (HomeAssistantOptions Options, DiscoveryJanitor Janitor)? homeAssistant, StatisticPositionStore? statisticPositions, LiveMeter? live, (HistoryService History, HistoryMaintenance Maintenance)? history, CostReporting? costs)
    {
        var outputs = configuration.Outputs;
        var sinks = new List<IMeterSink> { new LogSink(log, outputs.LogReadings) };
        if (outputs.CapturePath is { } capture)
        {
            sinks.Add(new CaptureSink(OutputPath.For(capture, meter.Name), meter.Source.Text, clock));
        }

        if (outputs.JsonLinesPath is { } json)
        {
            sinks.Add(new JsonLinesSink(OutputPath.For(json, meter.Name), meter.Name));
        }

        if (mqtt is not null)
        {
            var state = new MqttStateSink(meter.Name, mqtt);
            sinks.Add(state);
            if (homeAssistant is var (options, janitor))
            {
                // After Home Assistant's birth message: the device first, then its state, which Home
                // Assistant needs again once it has processed the configs (integrations.md §1.3).
                var homeAssistantSink = new HomeAssistantSink(meter.Name, options, mqtt, state.Republish, janitor, clock);
                sinks.Add(homeAssistantSink);
                costs?.Attach(meter.Name, state, homeAssistantSink);
            }
            else
            {
                costs?.Attach(meter.Name, state, null);
            }
        }

        if (DomoticzOutput.SinkFor(meter.Name, configuration.Domoticz, mqtt, (text, level) => ServiceLog.Write(log, level, text)) is { } toDomoticz)
        {
            sinks.Add(toDomoticz);
        }

        if (configuration.HomeAssistant?.Statistics is { } statistics)
        {
            sinks.Add(new StatisticsSink(statistics, (text, level) => ServiceLog.Write(log, level, text), clock, statisticPositions));
        }

        if (live is not null)
        {
            sinks.Add(new WebSink(live));
        }

        if (history is var (store, maintenance))
        {
            sinks.Add(new HistorySink(store.Store, $"history {meter.Name}", clock, new HistorySinkOptions
            {
                Report = (text, level) => ServiceLog.Write(log, level, text),
                Written = maintenance.Written,
            }));
        }

        // A sink's own trouble goes straight to the log, not through the fan-out: the log sink may be the one in trouble.
        return new MeterFanOut([.. sinks.Select(sink => new QueuedSink(sink, outputs.QueueSize, (text, level) => ServiceLog.Write(log, level, text)))]);
    }
}
