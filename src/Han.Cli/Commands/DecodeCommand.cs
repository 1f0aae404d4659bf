using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Io;
using Han.Cli.Views;
using Han.Pipeline;
using Han.Readings;
using Han.Sources;
using Han.Sources.Captures;
using Han.Sources.Live;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han decode [FILE|-]... [--format ...] [--country ...] [--key HEX] [--auth-key HEX]</c> (DESIGN.md §2.1): decodes captures
/// whose kind is recognised from the bytes. Exit code 0 when every input could be read, whatever it
/// contained; 1 when an input could not be opened or read (after printing everything decoded before).
/// </summary>
internal static class DecodeCommand
{
    public static Command Create(StandardStreams streams)
    {
        var inputs = new Argument<string[]>("FILE")
        {
            Description = "Captures to decode: raw bytes (HDLC frames, wired M-Bus long frames, DSMR P1 telegrams, an LLC information field or a DLMS APDU; recognised from the bytes), the same as hex text (digits alone or separated by spaces, ',', ';', ':' or '-'; 0x bytes as in C; xxd, hexdump -C, od -t x1 or Format-Hex dumps, but no dumps of words such as od -x or xxd -e; UTF-8, UTF-16 or Windows-1252), or a han capture (han record, han listen --record; its readings carry the recorded receive times). '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: readable summary; json: one JSON object per line (readings and problems); hex: every byte annotated; tree: COSEM structure; fields: name = value unit.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "hex", "tree", "fields");
        var decoding = new DecoderArguments();

        var command = new Command("decode", "Decode meter captures: readings, problems and debugging views.");
        command.Arguments.Add(inputs);
        UnknownOptions.Check(command, inputs);
        command.Options.Add(format);
        decoding.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(inputs) ?? [],
            Enum.Parse<OutputFormat>(parse.GetValue(format) ?? "text", ignoreCase: true),
            decoding.Read(parse),
            streams,
            cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, OutputFormat format, DecoderOptions options, StandardStreams streams, CancellationToken cancellation)
    {
        var stderr = streams.Error;
        if (inputs.Length == 0)
        {
            if (streams.Input == InputState.Terminal)
            {
                // Nothing named and nothing piped in: waiting for typing would look like a hang.
                await stderr.WriteLineAsync("han decode: no input: name a capture file, or pipe one in (han decode - reads hex typed or pasted here; end it with Ctrl-D)").ConfigureAwait(false);
                return 1;
            }

            inputs = ["-"];
        }

        var exitCode = 0;
        using var view = OutputView.Create(format, streams.Output);
        foreach (var input in inputs)
        {
            Stream bytes;
            try
            {
                bytes = await InputOpener.OpenAsync(await InputFiles.OpenAsync(input, streams, cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);
            }
            catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
            {
                // Not opened, or refused before a byte was decoded (text that is not hex, a dump of words):
                // no summary of an input that was never read.
                exitCode = await FailAsync(view, stderr, input, problem).ConfigureAwait(false);
                continue;
            }

            view.BeginInput(input, inputs.Length > 1);
            using var decoder = new StreamDecoder(view, options);
            try
            {
                await using (bytes.ConfigureAwait(false))
                {
                    await (bytes is CaptureStream capture
                        ? DecodeCaptureAsync(decoder, capture.Pieces, cancellation)
                        : decoder.DecodeAsync(bytes, cancellation)).ConfigureAwait(false);
                }
            }
            catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
            {
                // Everything delivered before the failure has been decoded and reported; say why the rest was not.
                exitCode = await FailAsync(view, stderr, input, problem).ConfigureAwait(false);
            }

            view.EndInput(decoder.Counters);
        }

        return exitCode;
    }

    /// <summary>
    /// A capture's pieces, each with its recorded receive time, which the readings it completes carry. A
    /// damaged line ends the input there, as a stray character ends hex text: what came before it is
    /// decoded as at the input's end, and then the failure is thrown.
    /// </summary>
    private static async Task DecodeCaptureAsync(StreamDecoder decoder, CaptureReader capture, CancellationToken cancellation)
    {
        try
        {
            await foreach (var chunk in capture.ReadChunksAsync(cancellation).ConfigureAwait(false))
            {
                decoder.Add(chunk); // a new recording session does not continue the last one
            }
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            decoder.End();
            throw;
        }

        decoder.End();
    }

    /// <summary>Says why <paramref name="input"/> was not (wholly) read, after what was decoded of it; the exit code that follows.</summary>
    private static async Task<int> FailAsync(OutputView view, TextWriter stderr, string input, Exception problem)
    {
        view.Flush();
        await stderr.WriteLineAsync($"han decode: {input}: {problem.Message}").ConfigureAwait(false);
        return 1;
    }
}
