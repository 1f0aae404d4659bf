using System.Net;
using Han.Simulation;

namespace Han.Cli.Simulation;

/// <summary>A <c>han simulate</c> command line, read and checked.</summary>
internal sealed record SimulateRequest(
    SimulationOptions Options,
    Pace Pace,
    TimeSpan? Duration,
    IPEndPoint? Serve,
    string? Pty,
    string? LogPath);
