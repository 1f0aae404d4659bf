using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Han.Cli.Io;
using Han.Cli.Simulation;
using Han.Simulation;
using Han.Simulation.Time;
using Han.Sources.Serving;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han simulate [--meter ...] [--phases 1|3] [--grid tn|it] [--speed N|max] [--start TIME] [--seed N]
/// [--faults LIST] [--solar KW] [--key HEX [--auth-key HEX]] [--serve tcp://HOST:PORT | --pty PATH]
/// [--duration TIME] [--log FILE]</c> (DESIGN.md §2.3): a realistic meter that writes its lists to
/// standard output, a pseudo-terminal or TCP clients. What it is and how it ends go to standard error.
/// Exit code 0 when the run ended; 1 when the output or the log could not be opened or written (a
/// reader that went away, a pseudo-terminal whose other end closed); 130/143 on Ctrl-C/SIGTERM.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var arguments = new SimulateArguments();
        var command = new Command("simulate", "Be a smart meter: Aidon, Kaifa, Kamstrup or Landis+Gyr lists with a household's load, at their real cadence, to standard output, a pseudo-terminal or TCP.");
        arguments.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(arguments.Read(parse, clock), streams, clock, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(SimulateRequest request, StandardStreams streams, TimeProvider clock, CancellationToken cancellation)
    {
        var error = streams.Error;
        if (request.Serve is null && request.Pty is null && streams.OutputIsTerminal)
        {
            await error.WriteLineAsync("han simulate: standard output is a terminal, where meter bytes would be noise; pipe them (han simulate | han decode -), or give --serve tcp://HOST:PORT or --pty PATH").ConfigureAwait(false);
            return 1;
        }

        await using var output = await OpenOutputAsync(request, streams, cancellation).ConfigureAwait(false);
        if (output is null)
        {
            return 1;
        }

        await using var logFile = OpenLog(request.LogPath, error);
        if (request.LogPath is not null && logFile is null)
        {
            return 1;
        }

        // Failures writing the log are reported as such (OutputFailedException), like standard output's.
        await using var log = logFile is null ? null : new BufferedStream(new OutputStream(logFile, $"the log {request.LogPath}"), 64 * 1024);

        if (request.StartIsNow)
        {
            request = request with { Options = request.Options with { Start = clock.GetUtcNow() } };
        }

        using var simulator = new Simulator(request.Options);
        await error.WriteLineAsync("han simulate: " + Describe(request, simulator)).ConfigureAwait(false);
        var end = request.Options.Start + request.Duration;
        var writer = new TransmissionLog();
        var runner = new SimulationRunner(clock, request.Pace);
        var summary = await runner.RunAsync(simulator.Transmissions(), request.Options.Start, end, output, log is null ? null : sent => writer.Write(log, sent), cancellation).ConfigureAwait(false);
        if (log is not null)
        {
            await log.FlushAsync(cancellation).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"han simulate: done: {summary}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>Where the bytes go; null (after saying why) when that cannot be opened.</summary>
    private static async Task<MeterOutput?> OpenOutputAsync(SimulateRequest request, StandardStreams streams, CancellationToken cancellation)
    {
        var error = streams.Error;
        if (request.Serve is { } endpoint)
        {
            TcpBroadcastServer server;
            try
            {
                server = TcpBroadcastServer.Start(endpoint);
            }
            catch (SocketException problem)
            {
                await error.WriteLineAsync($"han simulate: --serve {TcpEndpoint.Format(endpoint)}: cannot listen there ({problem.Message}); choose another port, or 0 for any free one").ConfigureAwait(false);
                return null;
            }

            await error.WriteLineAsync($"han simulate: serving on {TcpEndpoint.Format(server.LocalEndpoint)}; the meter starts when the first client connects").ConfigureAwait(false);
            var output = new MeterOutput(new TcpOutput(server), server);
            try
            {
                await server.WaitForClientAsync(cancellation).ConfigureAwait(false);
            }
            catch
            {
                await output.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return output;
        }

        if (request.Pty is { } path)
        {
            try
            {
                var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                return new MeterOutput(new DeviceOutput(new OutputStream(device, $"the pseudo-terminal {path}")), device);
            }
            catch (Exception problem) when (IoFailure.Is(problem))
            {
                await error.WriteLineAsync($"han simulate: --pty {path}: {PtyProblem(problem)}").ConfigureAwait(false);
                return null;
            }
        }

        // Standard output: unbuffered when paced, so each list leaves when due; buffered at full speed
        // (the runner flushes at the end). It stays open: it is the process's, not this command's.
        Stream stdout = request.Pace.IsMax ? new BufferedStream(streams.Output, 64 * 1024) : streams.Output;
        return new MeterOutput(new StreamOutput(stdout), owned: null);
    }

    private static string PtyProblem(Exception problem) => problem switch
    {
        FileNotFoundException or DirectoryNotFoundException => "does not exist; make a pseudo-terminal pair first, e.g. socat -d -d pty,raw,echo=0,link=/tmp/meter pty,raw,echo=0,link=/tmp/han, and give one end",
        UnauthorizedAccessException => "permission denied; the device must be writable by this user",
        _ => problem.Message,
    };

    private static FileStream? OpenLog(string? path, TextWriter error)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (Exception problem) when (IoFailure.Is(problem))
        {
            error.WriteLine($"han simulate: --log {path}: cannot write it ({problem.Message})");
            return null;
        }
    }

    private static string Describe(SimulateRequest request, Simulator simulator)
    {
        var options = request.Options;
        var start = NorwegianTime.ToLocal(options.Start).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var until = request.Duration is { } duration
            ? " for " + duration.ToString(duration.Days > 0 ? @"d\d\ hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture) + " of meter time"
            : " until stopped";
        var extras = (options.SolarPeakKilowatts > 0 ? string.Create(CultureInfo.InvariantCulture, $", {options.SolarPeakKilowatts} kW solar") : string.Empty)
            + (options.Faults.IsEmpty ? string.Empty : $", faults {options.Faults}")
            + (options.Key is null ? string.Empty : options.AuthenticationKey is null ? ", encrypted" : ", encrypted and authenticated");
        return $"{options.Vendor.Manufacturer} {simulator.Identity.Type} ({options.Phases}-phase, {options.Grid.ToString().ToUpperInvariant()}) meter {simulator.Identity.Id}, seed {options.Seed}{extras}; clock from {start}{until} at speed {request.Pace}";
    }
}
