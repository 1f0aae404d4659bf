using System.CommandLine;
using Han.Cli.Arguments;
using Han.Cli.Commands;
using Han.Cli.Io;

namespace Han.Cli;

/// <summary>The composition root: one subcommand per file under Commands/.</summary>
public static class Program
{
    /// <summary>The exit code of a bug in han (EX_SOFTWARE of sysexits.h), told apart from the 1 of a bad input.</summary>
    internal const int InternalError = 70;

    public static async Task<int> Main(string[] args)
    {
        using var signals = new TerminationSignals();
        return await Run(args, StandardStreams.OfProcess(), TimeProvider.System, signals).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the command line with the given standard streams and clock (tests run it in-process). Every
    /// way it can end is one line on standard error at most: a failed write to standard output, a
    /// closed standard output, a parse error, Ctrl-C; no stack trace for anything a user or the system caused.
    /// </summary>
    /// <param name="signals">Ctrl-C and SIGTERM of the process (none in tests).</param>
    internal static async Task<int> Run(string[] args, StandardStreams streams, TimeProvider clock, TerminationSignals? signals = null)
    {
        using var error = new ErrorWriter(streams.Error, new SecretArguments(args));
        var io = streams.WithError(error);
        if (io.OutputClosed)
        {
            // Everything han does ends in what it prints; the runtime may have put a pipe of its own
            // where standard output was, so nothing may be written there.
            await error.WriteLineAsync("han: standard output is closed (han was started without one), so nothing could be shown; redirect it to a file or to /dev/null instead").ConfigureAwait(false);
            return 1;
        }

        var root = new RootCommand("han: reads the HAN port of a smart electricity meter and turns it into exact, live data.");
        root.Subcommands.Add(DecodeCommand.Create(io));
        root.Subcommands.Add(DiagnoseCommand.Create(io, clock));
        root.Subcommands.Add(ListenCommand.Create(io, clock));
        root.Subcommands.Add(RecordCommand.Create(io, clock));
        root.Subcommands.Add(ReplayCommand.Create(io, clock));
        root.Subcommands.Add(SimulateCommand.Create(io, clock));
        root.Subcommands.Add(RunCommand.Create(io, clock, Environment.GetEnvironmentVariable));
        root.Subcommands.Add(ImportCommand.Create(io, clock));
        root.Subcommands.Add(DemoCommand.Create(io, clock, Environment.GetEnvironmentVariable));
        root.Subcommands.Add(ExportCommand.Create(io));
        root.Subcommands.Add(CostCommand.Create(io, clock));
        var parse = root.Parse(args);
        await using var output = new StreamWriter(io.Output, leaveOpen: true) { AutoFlush = true };
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false, // it prints stack traces
            ProcessTerminationTimeout = null, // TerminationSignals does this
        };
        try
        {
            return await parse.InvokeAsync(configuration, signals?.Token ?? CancellationToken.None).ConfigureAwait(false);
        }
        catch (OutputFailedException failure)
        {
            await error.WriteLineAsync($"{CommandName(parse)}: {failure.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (signals?.ExitCode is { } exitCode)
        {
            await error.WriteLineAsync($"{CommandName(parse)}: stopped by {signals.SignalName}; what was not finished was not written").ConfigureAwait(false);
            return exitCode;
        }
        catch (Exception bug) when (bug is not OperationCanceledException)
        {
            // Anything else is a bug in han. One line through the error writer (secrets hidden), never the
            // runtime's stack trace, which would print arguments as they are.
            await error.WriteLineAsync($"{CommandName(parse)}: internal error ({bug.GetType().Name}: {bug.Message}); this is a bug in han, please report it with the command you ran").ConfigureAwait(false);
            return InternalError;
        }
    }

    private static string CommandName(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "han" : "han " + parse.CommandResult.Command.Name;
}
