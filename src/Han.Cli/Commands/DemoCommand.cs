using System.CommandLine;
using Han.Cli.Demo;
using Han.Cli.Io;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han demo [--port N]</c> (DESIGN.md §2.3, issue 10 point 6): han with no hardware. A simulated meter
/// with four weeks of history and the dashboard on http://127.0.0.1:PORT, until Ctrl-C (exit code 0).
/// Exit code 1 when the port is in use.
/// </summary>
internal static class DemoCommand
{
    public const int DefaultPort = 8080;

    public static Command Create(StandardStreams streams, TimeProvider clock, Func<string, string?> environment)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = $"The port of the dashboard on 127.0.0.1. Default: {DefaultPort}.",
            DefaultValueFactory = _ => DefaultPort,
        };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 65535)
            {
                result.AddError($"--port: {result.GetValueOrDefault<int>()} is not a TCP port; use 1 to 65535 (e.g. {DefaultPort}).");
            }
        });
        var command = new Command("demo", "Try han without a meter: a simulated meter with four weeks of history, han run with its history and dashboard on http://127.0.0.1:8080, in a temporary folder of its own (your history is not touched). Ctrl-C stops it.");
        command.Options.Add(port);
        command.SetAction((parse, cancellation) => DemoRun.RunAsync(parse.GetValue(port), streams, clock, environment, cancellation));
        return command;
    }
}
