using System.Net;
using System.Net.Sockets;

namespace Han.Sources.Serving;

/// <summary>
/// Serves one byte stream to every TCP client connected, as ser2net serves a serial line: what is
/// written goes to all current clients; a client that connects later gets what is written from then
/// on; a client that disconnects, or cannot keep up for <see cref="WriteTimeout"/>, is dropped and the
/// others go on. Nothing is read from clients. Used by <c>han simulate --serve</c> and <c>han replay --serve</c>.
/// </summary>
public sealed class TcpBroadcastServer : IByteOutput, IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly List<TcpClient> _clients = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _firstClient = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TcpBroadcastServer(TcpListener listener)
    {
        _listener = listener;
        _accepting = AcceptAsync(_stopping.Token);
    }

    /// <summary>How long one client may take to take one write before it is dropped.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The address listened on, with the port chosen when 0 was asked for.</summary>
    public IPEndPoint LocalEndpoint => (IPEndPoint)_listener.LocalEndpoint;

    public int ClientCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Listens on <paramref name="endpoint"/>; a <see cref="SocketException"/> when the address is taken or not local.</summary>
    public static TcpBroadcastServer Start(IPEndPoint endpoint)
    {
        var listener = new TcpListener(endpoint);
        listener.Start();
        return new TcpBroadcastServer(listener);
    }

    /// <summary>Completes when a client is connected (at once if one already is).</summary>
    public Task WaitForClientAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _firstClient.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Writes to every connected client; clients that fail are dropped, none fails the write.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        TcpClient[] clients;
        lock (_gate)
        {
            clients = [.. _clients];
        }

        await Task.WhenAll(clients.Select(client => WriteToAsync(client, bytes, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>Each write goes out as it is made (the sockets do not delay small writes).</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DropConnectionsAsync(CancellationToken cancellationToken)
    {
        DropClients();
        return ValueTask.CompletedTask;
    }

    /// <summary>Closes every connection (they may reconnect).</summary>
    public void DropClients()
    {
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
            _firstClient = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what cancelled it.
        }

        DropClients();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception problem) when (problem is SocketException or ObjectDisposedException && stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection that failed while being accepted (reset, out of descriptors): try again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(100), stopping).ConfigureAwait(false);
                continue;
            }

            client.NoDelay = true;
            lock (_gate)
            {
                _clients.Add(client);
                _firstClient.TrySetResult();
            }
        }
    }

    private async Task WriteToAsync(TcpClient client, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WriteTimeout);
        try
        {
            await client.GetStream().WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is IOException or SocketException or ObjectDisposedException or InvalidOperationException
            || (problem is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Gone or too slow: this client only.
            Drop(client);
        }
    }

    private void Drop(TcpClient client)
    {
        lock (_gate)
        {
            _clients.Remove(client);
        }

        client.Dispose();
    }
}
