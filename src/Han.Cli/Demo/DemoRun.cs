using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Han.Cli.Commands;
using Han.Cli.Io;
using Han.Simulation;
using Han.Sources.Serving;
using Han.Storage;

namespace Han.Cli.Demo;

/// <summary>
/// Runs <c>han demo</c>: (1) a state folder of its own (a new temporary folder, deleted at the end: the
/// user's history is never touched); (2) four weeks of the simulated meter's history written through the
/// import path, with invented spot prices (<see cref="DemoPrices"/>) so that the cost shows; (3) the meter
/// going on at real time on a loopback TCP port; (4) <c>han run</c> with that meter, the history, the cost
/// and the dashboard, until Ctrl-C or SIGTERM, which stop everything with exit code 0.
/// </summary>
internal static class DemoRun
{
    public static async Task<int> RunAsync(int port, StandardStreams streams, TimeProvider clock, Func<string, string?> environment, CancellationToken cancellation)
    {
        var error = streams.Error;
        if (!IsFree(port))
        {
            await error.WriteLineAsync($"han demo: port {port} on 127.0.0.1 is in use (another han demo or web server?); choose another with --port, e.g. han demo --port {(port == 65535 ? 8081 : port + 1)}").ConfigureAwait(false);
            return 1;
        }

        var folder = Directory.CreateTempSubdirectory("han-demo-").FullName;
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoConfiguration.ZoneId);
            var now = clock.GetUtcNow();
            using var meter = new DemoMeter(now);
            await error.WriteLineAsync($"han demo: a simulated {meter.Description}; writing its last four weeks to {folder} ...").ConfigureAwait(false);
            var backfill = Stopwatch.StartNew();
            await using (var store = await HistoryStores.OpenSqliteAsync(DemoConfiguration.StorePath(folder), cancellation).ConfigureAwait(false))
            {
                var lists = await DemoBackfill.RunAsync(meter, store, DemoConfiguration.MeterName, now, zone, cancellation).ConfigureAwait(false);
                await error.WriteLineAsync($"han demo: {lists:N0} lists of history written in {backfill.Elapsed.TotalSeconds:F1} s").ConfigureAwait(false);
                await DemoPrices.WriteAsync(store, folder, meter.Start, now, zone, cancellation).ConfigureAwait(false);
                await error.WriteLineAsync($"han demo: invented spot prices for {DemoPrices.Zone} (demo prices, not the market's) and {DemoConfiguration.GridCompany}'s grid tariff price the Cost page").ConfigureAwait(false);
            }

            await using var server = TcpBroadcastServer.Start(new IPEndPoint(IPAddress.Loopback, 0));
            using var stopMeter = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var live = PlayLiveAsync(meter, server, clock, stopMeter.Token);
            var configuration = DemoConfiguration.Write(folder, server.LocalEndpoint.Port, port);
            await using (var output = new StreamWriter(streams.Output, leaveOpen: true) { AutoFlush = true, NewLine = "\n" })
            {
                await output.WriteLineAsync($"han demo: open http://127.0.0.1:{port} (the dashboard, with four weeks of history and the live meter); Ctrl-C stops the demo").ConfigureAwait(false);
            }

            var exitCode = await RunCommand.RunAsync(configuration, check: false, [], streams, clock, environment, cancellation).ConfigureAwait(false);
            await stopMeter.CancelAsync().ConfigureAwait(false);
            await live.ConfigureAwait(false);
            return exitCode;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The meter from now on at real time, to whoever connects, until stopped.</summary>
    private static async Task PlayLiveAsync(DemoMeter meter, TcpBroadcastServer server, TimeProvider clock, CancellationToken stop)
    {
        try
        {
            await server.WaitForClientAsync(stop).ConfigureAwait(false);
            var runner = new SimulationRunner(clock, Pace.RealTime);
            await runner.RunAsync(meter.Live(), clock.GetUtcNow(), end: null, server, sent: null, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The demo is stopping.
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
