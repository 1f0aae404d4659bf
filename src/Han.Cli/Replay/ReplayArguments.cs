using System.CommandLine;
using System.Net;
using Han.Cli.Arguments;
using Han.Sources.Replay;
using Han.Sources.Serving;
using static Han.Cli.Arguments.CheckedOption;

namespace Han.Cli.Replay;

/// <summary>
/// The argument and options of <c>han replay</c> (DESIGN.md §2.3), each checked at parse time: a bad
/// value is reported with the option, the value and what would be valid.
/// </summary>
internal sealed class ReplayArguments
{
    private readonly Argument<string> _file = new("FILE")
    {
        Description = $"The recording to play: a han capture (han record, han listen --record), played at its recorded pace; or raw bytes or hex text, any input han decode reads, played at the line speed of a HAN port ({LineSpeedTimeline.Baud} baud, {LineSpeedTimeline.BitsPerByte} bits a byte as in 8E1). '-' reads standard input (not with --loop).",
    };

    private readonly Option<string?> _speed = Text("--speed", "1", "How fast: N times the recorded pace (1: as recorded; 10: ten times faster; 0.5: half as fast) or max (no waiting).");
    private readonly Option<string?> _serve = Text("--serve", null, $"Serve the bytes to every TCP client, as ser2net does, at {TcpEndpoint.Form}. The replay starts when the first client connects; port 0 picks a free port, which is printed. Default: standard output (never a terminal).");
    private readonly Option<bool> _loop = new("--loop") { Description = "Start again from the beginning at the end, until Ctrl-C." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_speed);
        command.Options.Add(_serve);
        command.Options.Add(_loop);
        UnknownOptions.Check(command, _file);
        CheckWith(_speed, value => (Pace.TryParse(value, out _, out var error), error));
        CheckWith(_serve, value => (TcpEndpoint.TryParse(value, out _, out var error), "--serve: " + error));
        command.Validators.Add(result =>
        {
            if (result.GetValue(_loop) && result.GetValue(_file) == "-")
            {
                result.AddError("--loop plays the recording again from its start, and standard input cannot be read twice; give a file.");
            }
        });
    }

    public ReplayRequest Read(ParseResult parse)
    {
        _ = Pace.TryParse(parse.GetValue(_speed), out var pace, out _);
        IPEndPoint? serve = null;
        _ = parse.GetValue(_serve) is { } serveText && TcpEndpoint.TryParse(serveText, out serve, out _);
        return new ReplayRequest(parse.GetValue(_file)!, pace, serve, parse.GetValue(_loop));
    }
}
