using System.CommandLine;
using System.Globalization;
using Han.Cli.Diagnosis;
using Han.Cli.Views;
using Han.Pipeline;
using Han.Pipeline.Diagnosis;
using Han.Sources;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han diagnose [FILE|-] [--country ...] [--key HEX] [--auth-key HEX] [--bundle PATH | --no-bundle]</c>:
/// what am I receiving, and what is wrong with it? Reads a capture (a live source arrives with the
/// live-input issue and feeds the same <see cref="Diagnoser"/>), prints the findings in plain language
/// with the next step to take, and writes a bug-report bundle. Exit code 0 when the input could be read.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(Func<Stream> stdin, Stream stdout, TextWriter stderr, TimeProvider clock)
    {
        var input = new Argument<string>("FILE")
        {
            Description = "The capture to examine: raw bytes or hex text, any format han reads. '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var bundle = new Option<string?>("--bundle")
        {
            Description = "Where to write the bug-report bundle (a zip with the capture, the decoded output, this report and versions; never the keys). Default: han-diagnose-<date>-<time>.zip here.",
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
            var path = parse.GetValue(input) ?? "-";
            var options = decoding.Read(parse);
            var bundlePath = parse.GetValue(noBundle) ? null : parse.GetValue(bundle) ?? DefaultBundleName(clock);
            return await RunAsync(path, options, bundlePath, stdin, stdout, stderr, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, DecoderOptions options, string? bundlePath, Func<Stream> stdin, Stream stdout, TextWriter stderr, CancellationToken cancellation)
    {
        Stream raw;
        try
        {
            raw = path == "-" ? stdin() : File.OpenRead(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            // Nothing to diagnose: say why, and write no bundle.
            await stderr.WriteLineAsync($"han diagnose: {path}: {problem.Message}").ConfigureAwait(false);
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
            await stderr.WriteLineAsync($"han diagnose: {path}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        // The decoded output is kept only for the bundle.
        using var decoded = new MemoryStream();
        using var json = bundlePath is null ? null : new JsonLinesView(decoded);
        using var diagnoser = new Diagnoser(options, json);
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

        await using var writer = new StreamWriter(stdout, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteAsync(report).ConfigureAwait(false);
        if (bundlePath is not null)
        {
            string[] settings =
            [
                $"country {options.Country}",
                $"encryption key given: {(options.Key is null ? "no" : "yes")}",
                $"authentication key given: {(options.AuthenticationKey is null ? "no" : "yes")}",
            ];
            BugReportBundle.Write(bundlePath, diagnoser.Capture.Span, decoded.ToArray(), report, settings);
            await writer.WriteLineAsync($"\nBug-report bundle: {bundlePath} (the capture, the decoded output, this report and versions; no keys).").ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellation).ConfigureAwait(false);
        if (readError is not null)
        {
            await stderr.WriteLineAsync($"han diagnose: {path}: {readError}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    internal static string DefaultBundleName(TimeProvider clock) =>
        "han-diagnose-" + clock.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".zip";
}
