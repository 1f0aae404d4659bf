using System.CommandLine;
using System.Globalization;
using Han.Cli.Arguments;
using Han.Cli.Diagnosis;
using Han.Cli.Io;
using Han.Cli.Views;
using Han.Pipeline;
using Han.Pipeline.Diagnosis;
using Han.Protocol;
using Han.Sources;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.Sources.Mqtt;
using Han.Sources.Serial;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han diagnose [SOURCE] [--duration TIME] [serial options] [--country ...] [--key HEX] [--auth-key HEX]
/// [--bundle PATH | --no-bundle]</c>: what am I receiving, and what is wrong with it? Reads a capture to its
/// end, or listens to a serial device or TCP bridge for a while (<see cref="LiveWatch"/>), through one
/// <see cref="Diagnoser"/>; prints the findings in plain language with the next step to take, and writes
/// a bug-report bundle. Exit code 0 when the input could be read (a live watch ended by its duration or
/// Ctrl-C included) and the bundle written; 1 otherwise, with one line on standard error saying what was
/// not done.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var input = new Argument<string>("SOURCE")
        {
            Description = "What to examine: a capture file (raw bytes, hex text or a han capture, any format han reads), '-' or nothing for standard input, or a live source listened to for --duration: a serial device (/dev/ttyUSB0, better /dev/serial/by-id/...), tcp://HOST:PORT (ser2net, socat, an ESP bridge) or mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC (the frames a Tibber Pulse, amsreader or P1 gateway publishes).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var duration = DurationOption.Create($"How long to listen to a serial device or TCP bridge once it is open (a device after its line setting is found), e.g. {DurationText.Examples}. Default {DurationText.Describe(DefaultDuration)}: a Norwegian meter's list 1 (every 2 to 2.5 s) and list 2 (every 10 s) several times over; the hourly list comes only just after each full hour, so 61m sees one. Ctrl-C ends it sooner. A file is read to its end.");
        var bundle = new Option<string?>("--bundle")
        {
            Description = "Where to write the bug-report bundle (a zip with the start of the capture, the decoded output, this report and versions; never the keys). A folder gets the default name inside it. An existing file is replaced only if it is a bundle han wrote. Default: han-diagnose-<date>-<time>.zip here.",
        };
        var noBundle = new Option<bool>("--no-bundle")
        {
            Description = "Do not write a bug-report bundle.",
        };
        var serial = new SerialArguments();
        var decoding = new DecoderArguments();
        var command = new Command("diagnose", "Tell what a capture or a live source holds (format, meter, lists, encryption, line quality, line setting) and what to do when something is wrong; write a bug-report bundle.");
        command.Arguments.Add(input);
        UnknownOptions.Check(command, input);
        command.Options.Add(duration);
        command.Options.Add(bundle);
        command.Options.Add(noBundle);
        serial.AddTo(command);
        decoding.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(noBundle) && result.GetValue(bundle) is not null)
            {
                result.AddError("--bundle and --no-bundle contradict each other; give one of them.");
            }
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var request = new Request(
                parse.GetValue(input),
                DurationOption.Read(parse, duration),
                serial.Read(parse),
                decoding.Read(parse),
                !parse.GetValue(noBundle),
                parse.GetValue(bundle),
                DefaultBundleName(clock));
            return await RunAsync(request, streams, clock, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>A live source is listened to this long by default: list 1 a dozen times, list 2 three times (norway-lists.md §2).</summary>
    internal static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(30);

    internal static string DefaultBundleName(TimeProvider clock) =>
        "han-diagnose-" + clock.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".zip";

    private static async Task<int> RunAsync(Request request, StandardStreams streams, TimeProvider clock, CancellationToken cancellation)
    {
        var path = request.Input ?? "-";
        var shown = MqttSourceAddress.Mask(path); // an MQTT source's password is never printed
        var error = streams.Error;
        if (!SourceAddress.TryParse(path, out var address, out var notASource))
        {
            await error.WriteLineAsync($"han diagnose: {notASource}").ConfigureAwait(false);
            return 1;
        }

        var live = address.Kind is SourceKind.Serial or SourceKind.Tcp or SourceKind.Mqtt;
        if (!live && request.Duration is not null)
        {
            await error.WriteLineAsync("han diagnose: --duration is for a serial device, tcp://HOST:PORT or mqtt://HOST/TOPIC, which are listened to; a file or standard input is read to its end, so leave --duration out").ConfigureAwait(false);
            return 1;
        }

        if (request.Input is null && streams.Input == InputState.Terminal)
        {
            await error.WriteLineAsync("han diagnose: no input: name a capture file, or pipe one in (han diagnose - reads hex typed or pasted here; end it with Ctrl-D), or name a live source: a serial device, tcp://HOST:PORT or mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC").ConfigureAwait(false);
            return 1;
        }

        // Where the bundle goes is settled before anything is read: a refusal or an unwritable folder
        // after reading an overnight capture would waste the user's time.
        BundleTarget? target = null;
        if (request.WriteBundle && !BundlePath.TryResolve(request.BundlePath, request.DefaultBundleName, out target, out var refusal))
        {
            await error.WriteLineAsync($"han diagnose: {refusal}").ConfigureAwait(false);
            return 1;
        }

        BugReportBundle? bundle;
        try
        {
            bundle = target is null ? null : BugReportBundle.Start(target);
        }
        catch (OutputFailedException failure)
        {
            await error.WriteLineAsync($"han diagnose: {failure.Message}; give --bundle PATH in a folder you can write to, or --no-bundle").ConfigureAwait(false);
            return 1;
        }

        using var bundleScope = bundle;
        if (live)
        {
            return await DiagnoseLiveAsync(request, address, bundle, streams, clock, cancellation).ConfigureAwait(false);
        }

        Stream bytes;
        try
        {
            bytes = await InputOpener.OpenAsync(await InputFiles.OpenAsync(path, streams, cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            // Nothing to diagnose (no such file, or text that is not hex, or a dump that would swap bytes):
            // the reason is the whole answer, with no diagnosis or bundle.
            await error.WriteLineAsync($"han diagnose: {shown}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        using var json = bundle is null ? null : new JsonLinesView(bundle.Decoded);
        using var diagnoser = new Diagnoser(request.Options, json);
        var readError = (string?)null;
        try
        {
            await using (bytes.ConfigureAwait(false))
            {
                await (bytes is CaptureStream capture
                    ? AddCaptureAsync(diagnoser, capture.Pieces, cancellation)
                    : diagnoser.AddAsync(bytes, cancellation)).ConfigureAwait(false);
            }
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            readError = problem.Message;
        }

        var diagnosis = diagnoser.Complete();
        json?.Flush();
        var report = $"han diagnose: {PrintableText.Escape(path)}\n" + diagnosis.ToText();
        if (readError is not null)
        {
            report += $"\nThe input could not be read to its end: {PrintableText.Escape(readError)}\n";
        }

        var outcome = await ReportAsync(report, bundle, diagnoser, Settings(request.Options), streams, cancellation).ConfigureAwait(false);
        if (readError is not null)
        {
            await error.WriteLineAsync($"han diagnose: {shown}: {readError}").ConfigureAwait(false);
            return 1;
        }

        return outcome;
    }

    /// <summary>A capture's pieces with their recorded receive times (the bundle's readings carry them).</summary>
    private static async Task AddCaptureAsync(Diagnoser diagnoser, CaptureReader capture, CancellationToken cancellation)
    {
        await foreach (var chunk in capture.ReadChunksAsync(cancellation).ConfigureAwait(false))
        {
            diagnoser.Add(chunk);
        }
    }

    /// <summary>
    /// Listens to a serial device or TCP bridge, then reports as for a file, with how it was listened to.
    /// The report is written after a Ctrl-C too: ending the watch early is what Ctrl-C is for here.
    /// </summary>
    private static async Task<int> DiagnoseLiveAsync(Request request, SourceAddress address, BugReportBundle? bundle, StandardStreams streams, TimeProvider clock, CancellationToken cancellation)
    {
        var watch = new LiveWatch(address, request.Settings, request.Duration ?? DefaultDuration, streams, clock);
        using var json = bundle is null ? null : new JsonLinesView(bundle.Decoded);
        using var diagnoser = new Diagnoser(request.Options, json is null ? watch.Progress : new FanOutObserver(json, watch.Progress));
        WatchResult watched;
        try
        {
            watched = await watch.RunAsync(diagnoser, cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is SourceUnavailableException || IoFailure.Is(problem))
        {
            // Nothing to listen to (no such device, no permission): the reason is the whole answer.
            await streams.Error.WriteLineAsync($"han diagnose: {address.Text}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        var diagnosis = WatchReport.Findings(watched, diagnoser.Complete());
        json?.Flush();
        var report = $"han diagnose: {PrintableText.Escape(address.Text)}\n" + WatchReport.Describe(watched, diagnosis) + diagnosis.ToText();
        return await ReportAsync(report, bundle, diagnoser, [$"source {watched.Source}", .. Settings(request.Options)], streams, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Prints the report and finishes the bundle, each whatever becomes of the other: a full disk under
    /// standard output still leaves the bundle with the whole report, and the user is told where it is.
    /// </summary>
    private static async Task<int> ReportAsync(string report, BugReportBundle? bundle, Diagnoser diagnoser, IEnumerable<string> settings, StandardStreams streams, CancellationToken cancellation)
    {
        await using var writer = new StreamWriter(streams.Output, leaveOpen: true) { NewLine = "\n" };
        OutputFailedException? printing = null;
        try
        {
            await writer.WriteAsync(report).ConfigureAwait(false);
            await writer.FlushAsync(cancellation).ConfigureAwait(false);
        }
        catch (OutputFailedException failure)
        {
            printing = failure;
        }

        var bundled = bundle is not null && await TryCompleteAsync(bundle, diagnoser, report, settings, streams.Error).ConfigureAwait(false);
        if (printing is not null)
        {
            var where = bundled ? $"; the report is in the bug-report bundle {bundle!.Path}" : string.Empty;
            await streams.Error.WriteLineAsync($"han diagnose: {printing.Message}{where}").ConfigureAwait(false);
            return 1;
        }

        if (bundle is null)
        {
            return 0;
        }

        if (!bundled)
        {
            return 1;
        }

        var cut = bundle.DecodedWasCut ? $" (its first {BugReportBundle.MaxDecodedBytes / (1024 * 1024)} MiB)" : string.Empty;
        await writer.WriteLineAsync($"\nBug-report bundle: {PrintableText.Escape(bundle.Path)} (the start of the capture, the decoded output{cut}, this report and versions; no keys).").ConfigureAwait(false);
        await writer.FlushAsync(cancellation).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Finishes the bundle; false (with the reason on standard error) when it could not be written.</summary>
    private static async Task<bool> TryCompleteAsync(BugReportBundle bundle, Diagnoser diagnoser, string report, IEnumerable<string> settings, TextWriter error)
    {
        try
        {
            bundle.Complete(diagnoser.Capture.Span, diagnoser.InputBytes, report, settings);
            return true;
        }
        catch (OutputFailedException failure)
        {
            // The report is on standard output already; only the bundle is missing.
            await error.WriteLineAsync($"han diagnose: {failure.Message}; the report above is complete").ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>The settings the bundle's versions file records: whether keys were given, never the keys.</summary>
    private static string[] Settings(DecoderOptions options) =>
    [
        $"country {options.Country}",
        $"encryption key given: {(options.Key is null ? "no" : "yes")}",
        $"authentication key given: {(options.AuthenticationKey is null ? "no" : "yes")}",
    ];

    /// <param name="Settings">The serial line setting given; null for auto-detection (and for sources that have none).</param>
    private sealed record Request(string? Input, TimeSpan? Duration, LineSettings? Settings, DecoderOptions Options, bool WriteBundle, string? BundlePath, string DefaultBundleName);
}
