using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>
/// A real WebSocket server (System.Net.HttpListener on a free loopback port; not Kestrel, whose shared
/// framework would displace the packages next to the han executable in Han.Cli.Tests) that stands in for Home Assistant's
/// <c>/api/websocket</c> as integrations.md §1.9 describes it: <c>auth_required</c>, the token, then
/// <c>auth_ok</c> or <c>auth_invalid</c> and close; every later message with an increasing id gets a
/// <c>result</c>. Each import is checked against <see cref="ImportStatisticsSchema"/> and kept per statistic
/// and hour, as the recorder keeps it; what breaks a rule is listed in <see cref="Violations"/>. Its store
/// survives <see cref="StopAsync"/> and <see cref="StartAsync"/> on the same port, as a restarted Home Assistant keeps its database.
/// </summary>
internal sealed class FakeHomeAssistant : IAsyncDisposable
{
    public const string GoodToken = "long-lived-token-of-an-admin";

    private readonly Lock _gate = new();
    private readonly List<string> _violations = [];
    private readonly List<JsonElement> _messages = [];
    private readonly Dictionary<string, SortedDictionary<DateTimeOffset, (decimal State, decimal Sum)>> _stored = new(StringComparer.Ordinal);
    private readonly List<WebSocket> _open = [];
    private HttpListener? _listener;
    private Task? _accepting;
    private int _authentications;

    public FakeHomeAssistant(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"ws://127.0.0.1:{Port}/api/websocket");

    /// <summary>When set, every import is answered <c>success: false</c> with this error.</summary>
    public (string Code, string Message)? RefuseImports { get; set; }

    /// <summary>Answers as Home Assistant before 2025.10: <c>mean_type</c> and <c>unit_class</c> are extra keys, refused.</summary>
    public bool Legacy { get; set; }

    public int Authentications => Volatile.Read(ref _authentications);

    /// <summary>Connections han holds open now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_gate)
            {
                return _open.Count(socket => socket.State == WebSocketState.Open);
            }
        }
    }

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>Every message after authentication, as received.</summary>
    public IReadOnlyList<JsonElement> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public static async Task<FakeHomeAssistant> StartAsync(int? port = null)
    {
        var server = new FakeHomeAssistant(port ?? LoopbackPort.Free());
        await server.StartAsync();
        return server;
    }

    /// <summary>The rows of a statistic as the recorder holds them, by hour start (UTC).</summary>
    public IReadOnlyList<(DateTimeOffset Start, decimal State, decimal Sum)> Rows(string statisticId)
    {
        lock (_gate)
        {
            return _stored.TryGetValue(statisticId, out var rows) ? [.. rows.Select(r => (r.Key, r.Value.State, r.Value.Sum))] : [];
        }
    }

    /// <summary>The start (UTC) of every row han sent for <paramref name="statisticId"/>, over all its import messages: an hour sent twice is there twice.</summary>
    public IEnumerable<DateTimeOffset> ImportedStarts(string statisticId) =>
        Messages
            .Where(m => Text(m, "type") == "recorder/import_statistics" && m.GetProperty("metadata").GetProperty("statistic_id").GetString() == statisticId)
            .SelectMany(m => m.GetProperty("stats").EnumerateArray())
            .Select(row => ImportStatisticsSchema.TryParseStart(row.GetProperty("start").GetString()!, out var start, out _) ? start.ToUniversalTime() : throw new JsonException("a start that is not a time"));

    /// <summary>Puts a row there as if an earlier run had imported it.</summary>
    public void Store(string statisticId, DateTimeOffset start, decimal state, decimal sum)
    {
        lock (_gate)
        {
            Table(statisticId)[start.ToUniversalTime()] = (state, sum);
        }
    }

    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited 30 s for {what}; violations: {string.Join("; ", Violations)}");
            }

            await Task.Delay(20);
        }
    }

    public Task StartAsync()
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _listener = listener;
        _accepting = AcceptAllAsync(listener);
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            lock (_gate)
            {
                // Gone at once, as when Home Assistant restarts: no close handshake.
                _open.ForEach(socket => socket.Abort());
                _open.Clear();
            }

            listener.Close();
            await _accepting!;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptAllAsync(HttpListener listener)
    {
        var serving = new List<Task>();
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception stopped) when (stopped is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            serving.Add(ServeAsync(context));
        }

        await Task.WhenAll(serving);
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        if (!context.Request.IsWebSocketRequest || context.Request.Url?.AbsolutePath != "/api/websocket")
        {
            context.Response.StatusCode = 404;
            context.Response.Close();
            return;
        }

        using var socket = (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
        lock (_gate)
        {
            _open.Add(socket);
        }

        await SendAsync(socket, new JsonObject { ["type"] = "auth_required", ["ha_version"] = "2026.11.1" });
        if (await ReceiveAsync(socket) is not { } auth)
        {
            return;
        }

        Interlocked.Increment(ref _authentications);
        if (Text(auth, "type") != "auth" || auth.TryGetProperty("id", out _))
        {
            Violation($"authentication: expected {{\"type\":\"auth\",\"access_token\":…}} without an id, got {auth.GetRawText()}");
        }

        if (Text(auth, "access_token") != GoodToken)
        {
            await SendAsync(socket, new JsonObject { ["type"] = "auth_invalid", ["message"] = "Invalid access token or password" });
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // han may hang up first on hearing auth_invalid
            }

            return;
        }

        await SendAsync(socket, new JsonObject { ["type"] = "auth_ok", ["ha_version"] = "2026.11.1" });
        var lastId = 0;
        while (await ReceiveAsync(socket) is { } message)
        {
            lock (_gate)
            {
                _messages.Add(message);
            }

            var id = message.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt32(out var n) ? n : -1;
            if (id <= lastId)
            {
                Violation($"id {id} after {lastId}: ids must be integers that increase");
            }

            lastId = Math.Max(lastId, id);
            var answer = Text(message, "type") switch
            {
                "recorder/import_statistics" => Import(message),
                "recorder/statistics_during_period" => SumsDuringPeriod(message),
                var other => Error("unknown_command", $"Unknown command {other}."),
            };
            answer["id"] = id;
            answer["type"] = "result";
            await SendAsync(socket, answer);
        }
    }

    private JsonObject Import(JsonElement message)
    {
        var problems = ImportStatisticsSchema.Check(message);
        var metadata = message.GetProperty("metadata");
        if (Legacy && (metadata.TryGetProperty("mean_type", out _) || metadata.TryGetProperty("unit_class", out _)))
        {
            return Error("invalid_format", "extra keys not allowed @ data['metadata']['mean_type']");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Violation(problem);
            }

            return Error("invalid_format", string.Join("; ", problems));
        }

        if (RefuseImports is { } refusal)
        {
            return Error(refusal.Code, refusal.Message);
        }

        var statisticId = metadata.GetProperty("statistic_id").GetString()!;
        lock (_gate)
        {
            var table = Table(statisticId);
            foreach (var row in message.GetProperty("stats").EnumerateArray())
            {
                _ = ImportStatisticsSchema.TryParseStart(row.GetProperty("start").GetString()!, out var start, out _); // checked above
                table[start.ToUniversalTime()] = (row.GetProperty("state").GetDecimal(), row.GetProperty("sum").GetDecimal()); // a repeated start overwrites, as the recorder does
            }
        }

        return new JsonObject { ["success"] = true, ["result"] = null };
    }

    private JsonObject SumsDuringPeriod(JsonElement message)
    {
        if (!DateTimeOffset.TryParse(Text(message, "start_time"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            Violation($"statistics_during_period: start_time '{Text(message, "start_time")}' is not a datetime");
            return Error("invalid_start_time", "Invalid start_time");
        }

        var until = DateTimeOffset.TryParse(Text(message, "end_time"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ? end : DateTimeOffset.MaxValue;
        if (Text(message, "period") is not ("5minute" or "hour" or "day" or "week" or "month" or "year")
            || !message.TryGetProperty("statistic_ids", out var ids) || ids.ValueKind != JsonValueKind.Array || ids.GetArrayLength() == 0)
        {
            Violation($"statistics_during_period: period and a list of statistic_ids are required: {message.GetRawText()}");
            return Error("invalid_format", "required key not provided");
        }

        var result = new JsonObject();
        lock (_gate)
        {
            foreach (var id in ids.EnumerateArray().Select(i => i.GetString()!))
            {
                var rows = new JsonArray();
                foreach (var (start, (_, sum)) in Table(id).Where(r => r.Key >= from && r.Key < until))
                {
                    rows.Add(new JsonObject { ["start"] = start.ToUnixTimeMilliseconds(), ["end"] = start.AddHours(1).ToUnixTimeMilliseconds(), ["sum"] = sum });
                }

                if (rows.Count > 0)
                {
                    result[id] = rows;
                }
            }
        }

        return new JsonObject { ["success"] = true, ["result"] = result };
    }

    private SortedDictionary<DateTimeOffset, (decimal State, decimal Sum)> Table(string statisticId)
    {
        if (!_stored.TryGetValue(statisticId, out var table))
        {
            table = [];
            _stored.Add(statisticId, table);
        }

        return table;
    }

    private void Violation(string text)
    {
        lock (_gate)
        {
            _violations.Add(text);
        }
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["success"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static string? Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task SendAsync(WebSocket socket, JsonObject message)
    {
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception gone) when (gone is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // the client or the server went away (a client that hangs up mid-send gives a broken pipe,
            // wrapped as a cancellation); the read that follows ends the conversation
        }
    }

    private static async Task<JsonElement?> ReceiveAsync(WebSocket socket)
    {
        using var text = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                text.Write(buffer, 0, received.Count);
                if (received.EndOfMessage)
                {
                    return JsonDocument.Parse(text.ToArray()).RootElement.Clone();
                }
            }
        }
        catch (Exception gone) when (gone is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return null; // the client went away
        }
    }
}
