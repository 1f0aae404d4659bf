using System.CommandLine;
using Han.Cli.Io;
using Han.Cli.Replay;
using Han.Cli.Serving;
using Han.Sources;
using Han.Sources.Captures;
using Han.Sources.Replay;
using Han.Sources.Serving;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han replay FILE [--speed N|max] [--serve tcp://HOST:PORT] [--loop]</c> (DESIGN.md §2.3): plays a
/// recording back as a live meter, to standard output (never a terminal) or to TCP clients like ser2net.
/// A han capture keeps its recorded pace; bytes without times go at a HAN port's line speed. What is
/// played and how it ended go to standard error. Exit code 0 when the recording was played to its end;
/// 1 when it could not be opened or a capture line is damaged (after everything before it was played),
/// or the output could not be opened or written; 130/143 on Ctrl-C/SIGTERM.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var arguments = new ReplayArguments();
        var command = new Command("replay", "Play a recording back as a live meter: a han capture at its recorded pace (or faster), raw bytes at line speed; to standard output or TCP clients.");
        arguments.AddTo(command);
        command.SetAction((parse, cancellation) => new Replaying(arguments.Read(parse), streams, clock).RunAsync(cancellation));
        return command;
    }

    /// <summary>One run of <c>han replay</c>: the recording, opened once to check it and again for each loop.</summary>
    private sealed class Replaying(ReplayRequest request, StandardStreams streams, TimeProvider clock)
    {
        private Stream? _firstOpening;

        public async Task<int> RunAsync(CancellationToken cancellation)
        {
            var error = streams.Error;
            try
            {
                // A missing file, or text that is not hex, is said before a server waits for clients.
                _firstOpening = await OpenAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
            {
                await error.WriteLineAsync($"han replay: {request.File}: {problem.Message}").ConfigureAwait(false);
                return 1;
            }

            try
            {
                await error.WriteLineAsync($"han replay: {request.File}: {Describe(_firstOpening is CaptureStream)}").ConfigureAwait(false);
                var target = new OutputRequest("han replay", "han replay FILE | han decode -", "the replay", OffersPty: false, request.Serve, Pty: null, request.Pace.IsMax);
                await using var output = await MeterOutputs.OpenAsync(target, streams, cancellation).ConfigureAwait(false);
                return output is null ? 1 : await PlayAsync(output, cancellation).ConfigureAwait(false);
            }
            finally
            {
                if (_firstOpening is not null)
                {
                    await _firstOpening.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private async Task<int> PlayAsync(OpenedOutput output, CancellationToken cancellation)
        {
            var source = new ReplaySource(NextOpeningAsync, request.File, request.Pace, request.Loop, clock);
            long bytes = 0;
            long pieces = 0;
            try
            {
                await foreach (var chunk in source.ReadAsync(cancellation).ConfigureAwait(false))
                {
                    await output.WriteAsync(chunk.Bytes, cancellation).ConfigureAwait(false);
                    if (!request.Pace.IsMax)
                    {
                        await output.FlushAsync(cancellation).ConfigureAwait(false);
                    }

                    bytes += chunk.Bytes.Length;
                    pieces++;
                }
            }
            catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
            {
                // What was played before the damaged line goes out before the reason.
                await output.FlushAsync(cancellation).ConfigureAwait(false);
                await streams.Error.WriteLineAsync($"han replay: {request.File}: {problem.Message}").ConfigureAwait(false);
                return 1;
            }

            await output.FlushAsync(cancellation).ConfigureAwait(false);
            var rounds = source.Rounds > 1 ? $", {source.Rounds} rounds" : string.Empty;
            await streams.Error.WriteLineAsync($"han replay: done: {bytes} bytes in {pieces} {(pieces == 1 ? "piece" : "pieces")}{rounds}").ConfigureAwait(false);
            return 0;
        }

        /// <summary>The recording from its start: the opening that checked it first, then a new one for each loop.</summary>
        private Task<Stream> NextOpeningAsync(CancellationToken cancellation)
        {
            var first = _firstOpening;
            _firstOpening = null;
            return first is not null ? Task.FromResult(first) : OpenAsync(cancellation);
        }

        private async Task<Stream> OpenAsync(CancellationToken cancellation) =>
            await InputOpener.OpenAsync(await InputFiles.OpenAsync(request.File, streams, cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);

        private string Describe(bool isCapture)
        {
            var pace = request.Pace;
            var how = isCapture
                ? pace.IsMax ? "a han capture, played without waiting" : pace.Speed == 1 ? "a han capture, played at its recorded pace" : $"a han capture, played at {pace} its recorded pace"
                : pace.IsMax ? "bytes without receive times, played without waiting" : $"bytes without receive times, played at {(pace.Speed == 1 ? string.Empty : $"{pace} ")}the line speed of a HAN port ({LineSpeedTimeline.Baud} baud, {LineSpeedTimeline.BitsPerByte} bits a byte)";
            return request.Loop ? how + ", again and again until stopped" : how;
        }
    }
}
