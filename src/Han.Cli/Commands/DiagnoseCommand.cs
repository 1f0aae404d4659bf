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

namespace Han.Cli.Commands;

/// <summary>
/// <c>han diagnose [FILE|-] [--country ...] [--key HEX] [--auth-key HEX] [--bundle PATH | --no-bundle]</c>:
/// what am I receiving, and what is wrong with it? Reads a capture (a live source arrives with the
/// live-input issue and feeds the same <see cref="Diagnoser"/>), prints the findings in plain language
/// with the next step to take, and writes a bug-report bundle. Exit code 0 when the input could be read
/// and the bundle written; 1 otherwise, with one line on standard error saying what was not done.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var input = new Argument<string>("FILE")
        {
            Description = "The capture to examine: raw bytes, hex text or a han capture, any format han reads. '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var bundle = new Option<string?>("--bundle")
        {
            Description = "Where to write the bug-report bundle (a zip with the start of the capture, the decoded output, this report and versions; never the keys). A folder gets the default name inside it. An existing file is replaced only if it is a bundle han wrote. Default: han-diagnose-<date>-<time>.zip here.",
        };
        var noBundle = new Option<bool>("--no-bundle")
        {
            Description = "Do not write a bug-report bundle.",
        };
        var decoding = new DecoderArguments();
        var command = new Command("diagnose", "Tell what a capture holds (format, meter, lists, encryption, line quality) and what to do when something is wrong; write a bug-report bundle.");
        command.Arguments.Add(input);
        UnknownOptions.Check(command, input);
        command.Options.Add(bundle);
        command.Options.Add(noBundle);
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
                decoding.Read(parse),
                !parse.GetValue(noBundle),
                parse.GetValue(bundle),
                DefaultBundleName(clock));
            return await RunAsync(request, streams, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    internal static string DefaultBundleName(TimeProvider clock) =>
        "han-diagnose-" + clock.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".zip";

    private static async Task<int> RunAsync(Request request, StandardStreams streams, CancellationToken cancellation)
    {
        var path = request.Input ?? "-";
        var error = streams.Error;
        if (request.Input is null && streams.Input == InputState.Terminal)
        {
            await error.WriteLineAsync("han diagnose: no input: name a capture file, or pipe one in (han diagnose - reads hex typed or pasted here; end it with Ctrl-D)").ConfigureAwait(false);
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
        Stream bytes;
        try
        {
            bytes = await InputOpener.OpenAsync(await InputFiles.OpenAsync(path, streams, cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            // Nothing to diagnose (no such file, or text that is not hex, or a dump that would swap bytes):
            // the reason is the whole answer, with no diagnosis or bundle.
            await error.WriteLineAsync($"han diagnose: {path}: {problem.Message}").ConfigureAwait(false);
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

        var outcome = await ReportAsync(report, bundle, diagnoser, request.Options, streams, cancellation).ConfigureAwait(false);
        if (readError is not null)
        {
            await error.WriteLineAsync($"han diagnose: {path}: {readError}").ConfigureAwait(false);
            return 1;
        }

        return outcome;
    }

    /// <summary>A capture's pieces with their recorded receive times (the bundle's readings carry them).</summary>
    private static async Task AddCaptureAsync(Diagnoser diagnoser, CaptureReader capture, CancellationToken cancellation)
    {
        await foreach (var chunk in capture.ReadChunksAsync(cancellation).ConfigureAwait(false))
        {
            diagnoser.Add(chunk.Bytes.Span, chunk.ReceivedAt);
        }
    }

    /// <summary>
    /// Prints the report and finishes the bundle, each whatever becomes of the other: a full disk under
    /// standard output still leaves the bundle with the whole report, and the user is told where it is.
    /// </summary>
    private static async Task<int> ReportAsync(string report, BugReportBundle? bundle, Diagnoser diagnoser, DecoderOptions options, StandardStreams streams, CancellationToken cancellation)
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

        var bundled = bundle is not null && await TryCompleteAsync(bundle, diagnoser, report, options, streams.Error).ConfigureAwait(false);
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
    private static async Task<bool> TryCompleteAsync(BugReportBundle bundle, Diagnoser diagnoser, string report, DecoderOptions options, TextWriter error)
    {
        string[] settings =
        [
            $"country {options.Country}",
            $"encryption key given: {(options.Key is null ? "no" : "yes")}",
            $"authentication key given: {(options.AuthenticationKey is null ? "no" : "yes")}",
        ];
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

    private sealed record Request(string? Input, DecoderOptions Options, bool WriteBundle, string? BundlePath, string DefaultBundleName);
}
