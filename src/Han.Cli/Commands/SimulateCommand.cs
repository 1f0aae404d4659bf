using System.CommandLine;
using System.Globalization;
using Han.Cli.Io;
using Han.Cli.Serving;
using Han.Cli.Simulation;
using Han.Simulation;
using Han.Simulation.Time;

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
        if (request.CapturePath is { } capture)
        {
            return await WriteCaptureAsync(request, capture, error, cancellation).ConfigureAwait(false);
        }

        var target = new OutputRequest("han simulate", "han simulate | han decode -", "the meter", OffersPty: true, request.Serve, request.Pty, request.Pace.IsMax);
        await using var output = await MeterOutputs.OpenAsync(target, streams, cancellation).ConfigureAwait(false);
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

    private static async Task<int> WriteCaptureAsync(SimulateRequest request, string path, TextWriter error, CancellationToken cancellation)
    {
        using var simulator = new Simulator(request.Options);
        await error.WriteLineAsync("han simulate: " + Describe(request, simulator)).ConfigureAwait(false);
        try
        {
            var description = $"han simulate --meter {request.Options.Vendor.Key} --seed {request.Options.Seed}";
            var summary = await SimulatedCapture.WriteAsync(simulator.Transmissions(), request.Options.Start + request.Duration!.Value, path, description, cancellation).ConfigureAwait(false);
            await error.WriteLineAsync($"han simulate: done: {summary}; written to {path}").ConfigureAwait(false);
            return 0;
        }
        catch (Exception problem) when (IoFailure.Is(problem))
        {
            await error.WriteLineAsync($"han simulate: --capture {path}: cannot write it ({problem.Message})").ConfigureAwait(false);
            return 1;
        }
    }

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
        var pace = request.CapturePath is null ? $"at speed {request.Pace}" : "written as a han capture as fast as it is made";
        return $"{options.Vendor.Manufacturer} {simulator.Identity.Type} ({options.Phases}-phase, {options.Grid.ToString().ToUpperInvariant()}) meter {simulator.Identity.Id}, seed {options.Seed}{extras}; clock from {start}{until} {pace}";
    }
}
