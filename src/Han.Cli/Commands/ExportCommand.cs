using System.CommandLine;
using System.Text;
using Han.Cli.Export;
using Han.Cli.Io;
using Han.Storage;
using Han.Storage.Queries;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han export [--config FILE] [--meter NAME] --from DATE --to DATE --resolution raw|minute|15min|hour|day|month
/// [--format csv|json] [--output FILE] [--sqlite PATH | --postgres CONNECTION] [--time-zone ZONE]</c>
/// (DESIGN.md §2.3): a meter's history from the store, as CSV for a spreadsheet or JSON lines for a
/// script. Dates are read as the REST API reads them (<see cref="HistoryRange"/>). Exit code 0 when
/// written; 64 (EX_USAGE of sysexits.h) for an option's bad value, said with the option, the value and
/// what is valid; 78 when the configuration cannot be read; 1 when the store or the output cannot be
/// opened or written.
/// </summary>
internal static class ExportCommand
{
    /// <summary>EX_USAGE: the command line is wrong.</summary>
    public const int UsageError = 64;

    public static Command Create(StandardStreams streams)
    {
        var arguments = new ExportArguments();
        var command = new Command("export", "Write a meter's history from the store: the raw lists, per-minute power, or energy per 15 minutes, hour, day or month, as CSV or JSON lines.");
        arguments.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var (request, problem, inConfiguration) = arguments.Read(parse);
            if (request is null)
            {
                await streams.Error.WriteLineAsync("han export: " + problem).ConfigureAwait(false);
                return inConfiguration ? RunCommand.ConfigurationError : UsageError;
            }

            return await ExportAsync(request, streams, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExportAsync(ExportRequest request, StandardStreams streams, CancellationToken cancellation)
    {
        if (await StoreReading.OpenAsync(request.Store, "han export", streams.Error, cancellation).ConfigureAwait(false) is not { } store)
        {
            return 1;
        }

        await using (store.ConfigureAwait(false))
        {
            var (meter, refusal) = await StoreReading.ChooseMeterAsync(store, request.Meter, cancellation).ConfigureAwait(false);
            if (meter is null)
            {
                await streams.Error.WriteLineAsync("han export: " + refusal).ConfigureAwait(false);
                return UsageError;
            }

            return await WriteAsync(store, meter, request, streams, cancellation).ConfigureAwait(false);
        }
    }

    private static async Task<int> WriteAsync(IHistoryStore store, string meter, ExportRequest request, StandardStreams streams, CancellationToken cancellation)
    {
        FileStream? file;
        try
        {
            file = request.OutputPath is { } path ? File.Create(path) : null;
        }
        catch (Exception problem) when (IoFailure.Is(problem))
        {
            await streams.Error.WriteLineAsync($"han export: --output {request.OutputPath}: cannot be written ({IoFailure.Reason(problem)})").ConfigureAwait(false);
            return 1;
        }

        int rows;
        await using (file)
        {
            Stream target = file is null ? streams.Output : new OutputStream(file, request.OutputPath!);
            await using var writer = new StreamWriter(target, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            rows = request.Resolution switch
            {
                ExportResolution.Raw => await RawExport.WriteAsync(store, meter, request, writer, cancellation).ConfigureAwait(false),
                ExportResolution.Minute => await MinuteExport.WriteAsync(store, meter, request, writer, cancellation).ConfigureAwait(false),
                _ => await EnergyExport.WriteAsync(store, meter, request, request.Resolution.Aggregate()!.Value, writer, cancellation).ConfigureAwait(false),
            };
            await writer.FlushAsync(cancellation).ConfigureAwait(false);
        }

        var what = request.Resolution switch { ExportResolution.Raw => "list", ExportResolution.Minute => "minute", _ => "period" } + (rows == 1 ? string.Empty : "s");
        await streams.Error.WriteLineAsync(
            $"han export: {rows} {what} of {meter} from {HistoryTime.ToIso(request.Range.From, request.Zone)} to {HistoryTime.ToIso(request.Range.To, request.Zone)} written to {request.OutputPath ?? "standard output"}").ConfigureAwait(false);
        return 0;
    }
}
