using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Io;
using Han.Cli.Live;
using Han.Cli.Views;
using Han.Pipeline;
using Han.Pipeline.Diagnosis;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.Sources.Serial;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han listen SOURCE [--format ...] [--record FILE] [serial options] [decoder options]</c> (DESIGN.md
/// §2.3): what the meter says now, from a serial device, a TCP bridge, a file or standard input, in the
/// debugging formats of <c>han decode</c>, each reading as soon as its frame is in. On a terminal a status
/// line shows frames, checksum errors, skipped bytes and the age of the last reading. Runs until the
/// source ends (a file) or Ctrl-C; the source's own troubles (a bridge away, an adapter unplugged) are
/// reported and waited out.
/// </summary>
internal static class ListenCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "Where the meter's bytes come from: a serial device (/dev/ttyUSB0, better /dev/serial/by-id/...), tcp://HOST:PORT (ser2net, socat, an ESP bridge), mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC or mqtts:// (frames a Tibber Pulse, amsreader or P1 gateway publishes: binary, hex, bare DLMS messages or P1 text), a file (a han capture gives its recorded receive times), or '-' for standard input.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: readable summary; json: one JSON object per line with 'received'; hex: every byte annotated; tree: COSEM structure; fields: name = value unit.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "hex", "tree", "fields");
        var record = new Option<string?>("--record")
        {
            Description = "Also write what arrives to this han capture file (with receive times; 'han decode' and 'han replay' read it). An existing capture is added to; any other existing file is refused.",
        };
        var serial = new SerialArguments();
        var decoding = new DecoderArguments();
        var command = new Command("listen", "Decode a live source as it arrives: serial device, TCP bridge, file or standard input.");
        command.Arguments.Add(source);
        command.Options.Add(format);
        command.Options.Add(record);
        serial.AddTo(command);
        decoding.AddTo(command);
        UnknownOptions.Check(command, source);
        command.SetAction((parse, cancellation) => new Listening(
            parse.GetValue(source)!,
            Enum.Parse<OutputFormat>(parse.GetValue(format) ?? "text", ignoreCase: true),
            parse.GetValue(record),
            serial.Read(parse),
            decoding.Read(parse),
            streams,
            clock).RunAsync(cancellation));
        return command;
    }

    /// <summary>One run of <c>han listen</c>: the source, the decoder, the view, the status line and the recording.</summary>
    private sealed class Listening(string sourceText, OutputFormat format, string? recordPath, LineSettings? settings, DecoderOptions options, StandardStreams streams, TimeProvider clock)
    {
        private readonly LiveConsole _console = new("han listen", streams, clock);
        private CaptureWriter? _recording;

        public async Task<int> RunAsync(CancellationToken cancellation)
        {
            if (!SourceAddress.TryParse(sourceText, out var address, out var refusal))
            {
                await streams.Error.WriteLineAsync($"han listen: {refusal}").ConfigureAwait(false);
                return 1;
            }

            using var view = OutputView.Create(format, streams.Output);
            using var decoder = new StreamDecoder(new FanOutObserver(view, _console.Status), options);
            try
            {
                var source = await SourceFactory.CreateAsync(address, settings, streams, clock, Report, cancellation).ConfigureAwait(false);
                _recording = recordPath is null ? null : CaptureWriter.Open(recordPath, source.Description, clock.GetUtcNow());
                await foreach (var chunk in source.ReadAsync(cancellation).ConfigureAwait(false))
                {
                    _recording?.Write(chunk);
                    decoder.Add(chunk);
                    Show(view, decoder);
                }

                // A file or standard input has ended: what is held is its end.
                Finish(view, decoder);
                return 0;
            }
            catch (Exception problem) when (problem is SourceUnavailableException || IoFailure.Is(problem) || problem is InvalidDataException)
            {
                _console.Close();
                view.Flush();
                await streams.Error.WriteLineAsync($"han listen: {address.Text}: {problem.Message}").ConfigureAwait(false);
                return 1;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl-C is how a listen ends, and so it ends the input: a frame half in is reported (every
                // byte is in a frame or counted), and what was decoded is shown, with the totals.
                Finish(view, decoder);
                view.Flush();
                throw;
            }
            finally
            {
                _recording?.Dispose();
            }
        }

        /// <summary>The input is over: decodes what is held as its end, shows the rest and the totals, and removes the status line.</summary>
        private void Finish(OutputView view, StreamDecoder decoder)
        {
            decoder.End();
            Show(view, decoder, final: true);
            _console.Close();
            view.EndInput(decoder.Counters);
        }

        /// <summary>Hands what the view holds to standard output, above the status line, and redraws the status.</summary>
        private void Show(OutputView view, StreamDecoder decoder, bool final = false)
        {
            _console.Above(view.Flush);
            if (_console.OnTerminal)
            {
                _console.ShowStatus(_console.Status.Describe(decoder.Counters, clock.GetUtcNow()), now: final);
            }
        }

        private void Report(SourceEvent change)
        {
            _recording?.Note(clock.GetUtcNow(), change.Message);
            _console.Report(change);
        }
    }
}
