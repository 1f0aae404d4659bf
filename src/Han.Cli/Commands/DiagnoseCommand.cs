using System.CommandLine;
using System.Globalization;
using Han.Cli.Diagnosis;
using Han.Cli.Io;
using Han.Cli.Views;
using Han.Pipeline;
using Han.Pipeline.Diagnosis;
using Han.Sources;

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
            Description = "The capture to examine: raw bytes or hex text, any format han reads. '-' or nothing reads standard input.",
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
        if (request.Input is null && streams.Input == InputState.Terminal)
        {
            await streams.Error.WriteLineAsync("han diagnose: no input: name a capture file, or pipe one in (han diagnose - reads hex typed or pasted here; end it with Ctrl-D)").ConfigureAwait(false);
            return 1;
        }

        // Where the bundle goes is settled before anything is read: a refusal or an unwritable folder
        // after reading an overnight capture would waste the user's time.
        string? bundlePath = null;
        if (request.WriteBundle && !BundlePath.TryResolve(request.BundlePath, request.DefaultBundleName, out bundlePath, out var refusal))
        {
            await streams.Error.WriteLineAsync($"han diagnose: {refusal}").ConfigureAwait(false);
            return 1;
        }

        BugReportBundle? bundle = null;
        try
        {
            bundle = bundlePath is null ? null : BugReportBundle.Start(bundlePath);
        }
        catch (OutputFailedException failure)
        {
            await streams.Error.WriteLineAsync($"han diagnose: {failure.Message}; give --bundle PATH in a folder you can write to, or --no-bundle").ConfigureAwait(false);
            return 1;
        }

        using var bundleScope = bundle;
        Stream raw;
        try
        {
            raw = path == "-" ? streams.OpenInput() : File.OpenRead(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            // Nothing to diagnose: say why, and write no bundle.
            await streams.Error.WriteLineAsync($"han diagnose: {path}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        Stream bytes;
        try
        {
            bytes = await InputOpener.OpenAsync(raw, cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The first bytes could not be read, or they are text that is not hex (or a dump that would swap
            // bytes): the reason is the whole answer, with no diagnosis or bundle.
            await streams.Error.WriteLineAsync($"han diagnose: {path}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        using var json = bundle is null ? null : new JsonLinesView(bundle.Decoded);
        using var diagnoser = new Diagnoser(request.Options, json);
        var readError = (string?)null;
        try
        {
            await using (bytes.ConfigureAwait(false))
            {
                await diagnoser.AddAsync(bytes, cancellation).ConfigureAwait(false);
            }
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            readError = problem.Message;
        }

        var diagnosis = diagnoser.Complete();
        json?.Flush();
        var report = $"han diagnose: {path}\n" + diagnosis.ToText();
        if (readError is not null)
        {
            report += $"\nThe input could not be read to its end: {readError}\n";
        }

        await using var writer = new StreamWriter(streams.Output, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteAsync(report).ConfigureAwait(false);
        await writer.FlushAsync(cancellation).ConfigureAwait(false);
        if (bundle is not null)
        {
            if (!await TryCompleteAsync(bundle, diagnoser, report, request.Options, streams.Error).ConfigureAwait(false))
            {
                return 1;
            }

            var cut = bundle.DecodedWasCut ? $" (its first {BugReportBundle.MaxDecodedBytes / (1024 * 1024)} MiB)" : string.Empty;
            await writer.WriteLineAsync($"\nBug-report bundle: {bundle.Path} (the start of the capture, the decoded output{cut}, this report and versions; no keys).").ConfigureAwait(false);
            await writer.FlushAsync(cancellation).ConfigureAwait(false);
        }

        if (readError is not null)
        {
            await streams.Error.WriteLineAsync($"han diagnose: {path}: {readError}").ConfigureAwait(false);
            return 1;
        }

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
