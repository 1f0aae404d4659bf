using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Io;
using Han.Cli.Live;
using Han.Sources.Captures;
using Han.Sources.Live;
using Han.Sources.Serial;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han record SOURCE --output FILE [--raw] [--duration TIME] [serial options]</c> (DESIGN.md §2.3):
/// writes what a source delivers to a han capture (each piece with its receive time, docs/capture-format.md)
/// or, with <c>--raw</c>, to a plain byte file other HAN tools read. Stops after the duration, at the end
/// of a file source, or on Ctrl-C; what was written stays.
/// </summary>
internal static class RecordCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var source = new Argument<string>("SOURCE")
        {
            Description = "Where the meter's bytes come from: a serial device, tcp://HOST:PORT, mqtt://[USER[:PASS]@]HOST[:PORT]/TOPIC (each message recorded as the frame han decodes), a file, or '-'.",
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The file to write. A han capture is added to; any other existing file is refused.",
            Required = true,
        };
        var raw = new Option<bool>("--raw") { Description = "Write the bytes only, without receive times (a new file; an existing one is refused)." };
        var duration = DurationOption.Create($"Stop after this long: {DurationText.Examples}. Default: until Ctrl-C.");
        var serial = new SerialArguments();
        var command = new Command("record", "Record what a source sends, with receive times, for decoding and replay later.");
        command.Arguments.Add(source);
        command.Options.Add(output);
        command.Options.Add(raw);
        command.Options.Add(duration);
        serial.AddTo(command);
        UnknownOptions.Check(command, source);
        command.SetAction(async (parse, cancellation) =>
        {
            var limit = DurationOption.Read(parse, duration);
            return await RunAsync(parse.GetValue(source)!, parse.GetValue(output)!, parse.GetValue(raw), limit, serial.Read(parse), streams, clock, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(string sourceText, string path, bool raw, TimeSpan? limit, LineSettings? settings, StandardStreams streams, TimeProvider clock, CancellationToken cancellation)
    {
        if (!SourceAddress.TryParse(sourceText, out var address, out var refusal))
        {
            await streams.Error.WriteLineAsync($"han record: {refusal}").ConfigureAwait(false);
            return 1;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (limit is { } duration)
        {
            stop.CancelAfter(duration);
        }

        long chunks = 0;
        long bytes = 0;
        RecordingFile? recording = null;
        void Report(SourceEvent change)
        {
            recording?.Note(clock.GetUtcNow(), change.Message);
            if (change.State != SourceState.Connecting)
            {
                streams.Error.WriteLine($"han record: {change.Message}");
            }
        }

        try
        {
            var source = await SourceFactory.CreateAsync(address, settings, streams, clock, Report, stop.Token).ConfigureAwait(false);
            using var file = recording = RecordingFile.Open(path, raw, source.Description, clock.GetUtcNow());
            try
            {
                await foreach (var chunk in source.ReadAsync(stop.Token).ConfigureAwait(false))
                {
                    file.Write(chunk);
                    chunks++;
                    bytes += chunk.Bytes.Length;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                // The duration is over: the recording is complete.
            }
        }
        catch (Exception problem) when (problem is SourceUnavailableException || IoFailure.Is(problem) || problem is InvalidDataException)
        {
            await streams.Error.WriteLineAsync($"han record: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        await streams.Error.WriteLineAsync($"han record: {bytes} bytes in {chunks} pieces written to {path}").ConfigureAwait(false);
        return 0;
    }
}
