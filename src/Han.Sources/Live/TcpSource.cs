using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Han.Sources.Live;

/// <summary>
/// Meter bytes from a TCP bridge (<c>tcp://host:port</c>: ser2net, socat, ESP readers). Reconnects
/// with a capped, jittered back-off when the bridge refuses, closes or goes silent for longer than the
/// idle timeout, and says so through its events; it never gives up, as a service must not.
/// </summary>
public sealed class TcpSource : IByteSource
{
    private readonly string _host;
    private readonly int _port;
    private readonly TcpSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<SourceEvent> _report;
    private readonly Backoff _backoff;

    public TcpSource(string host, int port, TcpSourceOptions options, TimeProvider time, Action<SourceEvent>? report = null, Random? jitter = null)
    {
        _host = host;
        _port = port;
        _options = options;
        _time = time;
        _report = report ?? (_ => { });
        _backoff = new Backoff(options.FirstRetry, options.LongestRetry, jitter);
    }

    public string Description => $"tcp://{_host}:{_port}";

    public async IAsyncEnumerable<ReceivedChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var broken = false;
        while (true)
        {
            using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                continue;
            }

            var stream = connection.GetStream();
            string ended;
            while (true)
            {
                var (read, reason) = await ReadOnceAsync(stream, buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    ended = reason!;
                    break;
                }

                _backoff.Reset();
                yield return new ReceivedChunk(buffer.AsMemory(0, read).ToArray(), _time.GetUtcNow(), broken);
                broken = false;
            }

            // Whatever the next connection brings does not continue what this one brought.
            broken = true;
            await WaitAfterAsync($"{Description}: {ended}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A connected client, or null after a failed attempt (reported, and waited for).</summary>
    private async Task<TcpClient?> ConnectAsync(CancellationToken cancellationToken)
    {
        _report(new SourceEvent(SourceState.Connecting, $"connecting to {Description}"));
        var client = new TcpClient { NoDelay = true };
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string reason;
        try
        {
            await client.ConnectAsync(_host, _port, linked.Token).ConfigureAwait(false);
            _report(new SourceEvent(SourceState.Connected, $"connected to {Description}"));
            return client;
        }
        catch (SocketException failure)
        {
            reason = Describe(failure);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reason = $"no answer within {_options.ConnectTimeout.TotalSeconds:0} s (is the host on and the port open?)";
        }

        client.Dispose();
        await WaitAfterAsync($"cannot connect to {Description}: {reason}", cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>Bytes read, or 0 with why the connection is over (closed, failed, silent too long).</summary>
    private async Task<(int Read, string? Reason)> ReadOnceAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(_options.IdleTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            var read = await stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            return read > 0 ? (read, null) : (0, "the bridge closed the connection");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (0, $"no bytes for {_options.IdleTimeout.TotalSeconds:0} s, so the bridge or the line may hang");
        }
        catch (IOException failure)
        {
            return (0, $"the connection was lost ({failure.InnerException?.Message ?? failure.Message})");
        }
    }

    private async Task WaitAfterAsync(string what, CancellationToken cancellationToken)
    {
        var wait = _backoff.Next();
        _report(new SourceEvent(SourceState.Disconnected, $"{what}; trying again in {wait.TotalSeconds:0.#} s", wait));
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private string Describe(SocketException failure) => failure.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => $"connection refused (is the bridge running and listening on port {_port}?)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"no host called {_host} is known (check the name, or use its address)",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => $"{_host} cannot be reached (is it on, and on this network?)",
        SocketError.TimedOut => "no answer (is the host on and the port open?)",
        _ => failure.Message,
    };
}
