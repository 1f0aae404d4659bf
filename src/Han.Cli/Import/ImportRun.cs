using System.Diagnostics;
using Han.Cli.Io;
using Han.Sources;
using Han.Sources.Captures;
using Han.Storage;

namespace Han.Cli.Import;

/// <summary>
/// Runs <c>han import</c>: each input decoded and written to the store (<see cref="ListImporter"/>,
/// <see cref="HistoryImport"/>), progress shown, a summary at the end. An input that cannot be read is
/// reported and the others are still imported (exit code 1); what was written stays written.
/// </summary>
internal static class ImportRun
{
    private const int ReadSize = 64 * 1024;

    public static async Task<int> RunAsync(ImportRequest request, StandardStreams streams, TimeProvider clock, CancellationToken cancellation)
    {
        IHistoryStore store;
        try
        {
            store = await request.Target.OpenAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is HistoryStoreException or IOException or UnauthorizedAccessException or Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException)
        {
            await streams.Error.WriteLineAsync($"han import: cannot open the history at {request.Target.Description}: {problem.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (store.ConfigureAwait(false))
        {
            var history = new HistoryImport(store, request.Retention.Cutoff(clock.GetUtcNow()));
            using var lists = new ListImporter(history, request.Decoding, request.MeterOptions, request.Zone, request.Meter);
            var started = Stopwatch.StartNew();
            var written = TimeSpan.Zero;
            var total = request.Inputs.Sum(input => input == "-" || !File.Exists(input) ? 0L : new FileInfo(input).Length);
            var exitCode = await ImportProgress.RunAsync(total, streams.ErrorTerminal, streams.Error, clock, async position =>
            {
                var failed = false;
                var done = 0L;
                foreach (var input in request.Inputs)
                {
                    failed |= !await ImportInputAsync(input, lists, streams, position, done, cancellation).ConfigureAwait(false);
                    done += input == "-" || !File.Exists(input) ? 0L : new FileInfo(input).Length;
                }

                await lists.CompleteAsync(cancellation).ConfigureAwait(false);
                await history.CompleteAsync(cancellation).ConfigureAwait(false);
                written = started.Elapsed;
                await history.RefreshAggregatesAsync(new HistoryAggregator(store, new Trust.TrustOptions { Zone = request.Zone }), cancellation).ConfigureAwait(false);
                await history.CompactRegistersAsync(cancellation).ConfigureAwait(false);
                return failed ? 1 : 0;
            }).ConfigureAwait(false);

            await using var output = new StreamWriter(streams.Output, leaveOpen: true) { NewLine = "\n" };
            await output.WriteAsync(ImportSummary.Describe(lists, history, written, started.Elapsed - written, request.Target.Description)).ConfigureAwait(false);
            return exitCode;
        }
    }

    /// <summary>Imports one input; false (after saying why) when it could not be opened or read to its end.</summary>
    private static async Task<bool> ImportInputAsync(string input, ListImporter lists, StandardStreams streams, ImportPosition position, long before, CancellationToken cancellation)
    {
        Stream file;
        Stream bytes;
        try
        {
            file = await InputFiles.OpenAsync(input, streams, cancellation).ConfigureAwait(false);
            bytes = await InputOpener.OpenAsync(file, cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            await streams.Error.WriteLineAsync($"han import: {input}: {problem.Message}").ConfigureAwait(false);
            return false;
        }

        var listsBefore = lists.Lists;
        var withoutTimeBefore = lists.WithoutTime;
        lists.BeginInput();
        try
        {
            await using (bytes.ConfigureAwait(false))
            {
                if (bytes is CaptureStream capture)
                {
                    while (await capture.Pieces.ReadPieceAsync(cancellation).ConfigureAwait(false) is { } piece)
                    {
                        await lists.AddAsync(piece.Chunk, cancellation).ConfigureAwait(false);
                        position.Set(before + Position(file), lists.Lists);
                    }
                }
                else
                {
                    var buffer = new byte[ReadSize];
                    int read;
                    while ((read = await bytes.ReadAsync(buffer, cancellation).ConfigureAwait(false)) > 0)
                    {
                        await lists.AddAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                        position.Set(before + Position(file), lists.Lists);
                    }
                }
            }
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            // What came before the failure is imported (as decode does); say why the rest was not.
            await lists.EndInputAsync(cancellation).ConfigureAwait(false);
            await streams.Error.WriteLineAsync($"han import: {input}: {problem.Message}").ConfigureAwait(false);
            return false;
        }

        await lists.EndInputAsync(cancellation).ConfigureAwait(false);
        if (lists.Lists == listsBefore && lists.WithoutTime > withoutTimeBefore)
        {
            await streams.Error.WriteLineAsync($"han import: {input}: its {lists.WithoutTime - withoutTimeBefore:N0} lists have no receive time (it is not a han capture) and carry no meter clock, so han cannot tell when they were sent; nothing of it was imported. Record the meter with han record SOURCE --output FILE (a han capture keeps every list's receive time) and import that.").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    private static long Position(Stream file) => file.CanSeek ? file.Position : 0;
}
