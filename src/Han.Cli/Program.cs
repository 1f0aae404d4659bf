using System.CommandLine;
using Han.Cli.Commands;

namespace Han.Cli;

/// <summary>The composition root: one subcommand per file under Commands/.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Run(args, Console.OpenStandardInput, Console.OpenStandardOutput(), Console.Error, TimeProvider.System);

    /// <summary>Runs the command line with the given standard streams and clock (tests run it in-process).</summary>
    public static async Task<int> Run(string[] args, Func<Stream> stdin, Stream stdout, TextWriter stderr, TimeProvider clock)
    {
        var root = new RootCommand("han: reads the HAN port of a smart electricity meter and turns it into exact, live data.");
        root.Subcommands.Add(DecodeCommand.Create(stdin, stdout, stderr));
        root.Subcommands.Add(DiagnoseCommand.Create(stdin, stdout, stderr, clock));
        var configuration = new InvocationConfiguration { Output = new StreamWriter(stdout) { AutoFlush = true }, Error = stderr };
        return await root.Parse(args).InvokeAsync(configuration).ConfigureAwait(false);
    }
}
