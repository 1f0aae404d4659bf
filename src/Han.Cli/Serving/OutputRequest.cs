using System.Net;

namespace Han.Cli.Serving;

/// <summary>Where <c>han simulate</c> or <c>han replay</c> sends a meter's bytes, and how to speak of it.</summary>
/// <param name="Command">The command's name in messages: <c>han replay</c>.</param>
/// <param name="PipeExample">How the command is piped, for the refusal of a terminal: <c>han replay FILE | han decode -</c>.</param>
/// <param name="Starting">What waits for the first TCP client: <c>the meter</c>, <c>the replay</c>.</param>
/// <param name="OffersPty">Whether the command has <c>--pty</c>, to name it as a way out.</param>
/// <param name="Serve">--serve: the address to serve TCP clients on.</param>
/// <param name="Pty">--pty: the pseudo-terminal to write to.</param>
/// <param name="AtFullSpeed">--speed max: standard output is buffered (and flushed at the end).</param>
internal sealed record OutputRequest(string Command, string PipeExample, string Starting, bool OffersPty, IPEndPoint? Serve, string? Pty, bool AtFullSpeed);
