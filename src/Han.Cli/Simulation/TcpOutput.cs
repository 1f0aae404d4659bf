using Han.Simulation;
using Han.Sources.Serving;

namespace Han.Cli.Simulation;

/// <summary>The simulated meter served to TCP clients; the disconnect fault closes their connections.</summary>
internal sealed class TcpOutput(TcpBroadcastServer server) : IMeterOutput
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => server.WriteAsync(bytes, cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DropConnectionsAsync(CancellationToken cancellationToken)
    {
        server.DropClients();
        return ValueTask.CompletedTask;
    }
}
