using System.Net.WebSockets;
using System.Text.Json;

namespace Han.Integrations.HomeAssistant.Statistics;

/// <summary>
/// One authenticated WebSocket connection to Home Assistant (integrations.md §1.9, HA10): the server says
/// <c>auth_required</c>, han answers with the token, the server says <c>auth_ok</c> or <c>auth_invalid</c>;
/// after that each command carries a fresh, increasing id and gets a <c>result</c> with the same id.
/// Commands go one at a time: han sends a few per hour, and one at a time keeps the answers simple.
/// </summary>
public sealed class HomeAssistantConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly TimeSpan _patience;
    private int _lastId;

    private HomeAssistantConnection(ClientWebSocket socket, TimeSpan patience)
    {
        _socket = socket;
        _patience = patience;
    }

    /// <summary>Home Assistant's version as it said in <c>auth_ok</c>.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>Connects and authenticates; a <see cref="HomeAssistantRefusedException"/> when the token is refused.</summary>
    public static async Task<HomeAssistantConnection> OpenAsync(Uri url, string token, TimeSpan patience, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var socket = new ClientWebSocket();
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(patience);
                await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
            }

            var connection = new HomeAssistantConnection(socket, patience);
            using (var required = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false))
            {
                var type = TypeOf(required.RootElement);
                if (type != "auth_required")
                {
                    throw new IOException($"the server did not ask for authentication (it said '{type}'); is {url} Home Assistant's /api/websocket?");
                }
            }

            await connection.SendAsync(StatisticsMessages.Authentication(token), cancellationToken).ConfigureAwait(false);
            using var answer = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            switch (TypeOf(answer.RootElement))
            {
                case "auth_ok":
                    connection.Version = Text(answer.RootElement, "ha_version");
                    return connection;
                case "auth_invalid":
                    throw new HomeAssistantRefusedException("auth_invalid", Text(answer.RootElement, "message"));
                case var other:
                    throw new IOException($"the server answered the authentication with '{other}' instead of auth_ok or auth_invalid");
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next command id: each one larger than the last, as Home Assistant requires.</summary>
    public int NextId() => ++_lastId;

    /// <summary>
    /// Sends a command written with <paramref name="id"/> (from <see cref="NextId"/>) and returns its
    /// <c>result</c>; a <see cref="HomeAssistantRefusedException"/> when it says <c>success: false</c>.
    /// </summary>
    public async Task<JsonDocument> CommandAsync(int id, byte[] command, CancellationToken cancellationToken)
    {
        await SendAsync(command, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var answer = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
            var root = answer.RootElement;
            if (TypeOf(root) != "result" || !root.TryGetProperty("id", out var answerId) || answerId.ValueKind != JsonValueKind.Number || answerId.GetInt32() != id)
            {
                answer.Dispose(); // an event or a late answer: not ours
                continue;
            }

            if (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True)
            {
                return answer;
            }

            using (answer)
            {
                var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
                throw new HomeAssistantRefusedException(
                    error.ValueKind == JsonValueKind.Object ? Text(error, "code") : "unknown",
                    error.ValueKind == JsonValueKind.Object ? Text(error, "message") : "no reason given");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "han stops", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception problem) when (problem is WebSocketException or OperationCanceledException or IOException)
            {
                // Closing politely is a courtesy; the socket is gone either way.
            }
        }

        _socket.Dispose();
    }

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_patience);
        await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).ConfigureAwait(false);
    }

    private async Task<JsonDocument> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_patience);
        using var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            ValueWebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer.AsMemory(), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Home Assistant did not answer within {_patience.TotalSeconds:0} s");
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new IOException($"Home Assistant closed the connection ({_socket.CloseStatusDescription ?? _socket.CloseStatus?.ToString() ?? "no reason"})");
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                break;
            }
        }

        try
        {
            return JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException problem)
        {
            throw new IOException($"Home Assistant sent something that is not JSON ({problem.Message})", problem);
        }
    }

    private static string TypeOf(JsonElement message) => Text(message, "type");

    private static string Text(JsonElement message, string name) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
