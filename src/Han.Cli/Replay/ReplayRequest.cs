using System.Net;
using Han.Sources.Serving;

namespace Han.Cli.Replay;

/// <summary>A <c>han replay</c> command line, read and checked.</summary>
/// <param name="File">The recording: a file, or '-' for standard input.</param>
/// <param name="Pace">How fast, against the recorded pace (or the line speed, for bytes without times).</param>
/// <param name="Serve">--serve: the address to serve TCP clients on; null for standard output.</param>
/// <param name="Loop">Start again at the end, until stopped.</param>
internal sealed record ReplayRequest(string File, Pace Pace, IPEndPoint? Serve, bool Loop);
