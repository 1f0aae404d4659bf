using System.Net;
using Han.Simulation;
using Han.Sources.Serving;

namespace Han.Cli.Simulation;

/// <summary>A <c>han simulate</c> command line, read and checked.</summary>
/// <param name="CapturePath">Write a han capture there instead of playing the meter.</param>
/// <param name="StartIsNow">No --start was given: the meter's clock starts when its output is ready (a TCP client may take a while to come).</param>
internal sealed record SimulateRequest(
    SimulationOptions Options,
    bool StartIsNow,
    Pace Pace,
    TimeSpan? Duration,
    IPEndPoint? Serve,
    string? Pty,
    string? LogPath,
    string? CapturePath = null);
