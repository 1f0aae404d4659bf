using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
namespace Han.TestCorpus.Servers;

/// <summary>
/// A local HTTP server (HttpListener on a free loopback port) that answers like Domoticz' JSON API
/// (integrations.md §2.2): <c>{"status":"OK","title":"Update Device"}</c> for an update of a known idx,
/// <c>{"status":"ERR"}</c> with HTTP 200 for anything else, HTTP 403 for a viewer, HTTP 401 for a wrong
/// login. Every request is checked against the API and the svalue format of the device type its idx
/// was created as; what does not fit is listed in <see cref="Violations"/>.
/// </summary>
public sealed partial class FakeDomoticz : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Dictionary<int, Regex> _devices;
    private readonly Task _serving;

    /// <param name="devices">The devices that exist: idx and the svalue pattern of its type.</param>
    public FakeDomoticz(Dictionary<int, Regex> devices)
    {
        _devices = devices;
        (_listener, Port) = Listen();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>When set, only this <c>Authorization</c> header is let in (else HTTP 401).</summary>
    public string? RequiredAuthorization { get; set; }

    /// <summary>When true, every update is answered HTTP 403 (a user with Viewer rights).</summary>
    public bool ViewerOnly { get; set; }

    public ConcurrentQueue<TakenUpdate> Updates { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public ConcurrentQueue<string?> AuthorizationHeaders { get; } = new();

    public static Regex P1Format => P1Pattern();

    public static Regex InstantAndCounterFormat => InstantAndCounterPattern();

    public static Regex VoltageFormat => VoltagePattern();

    public static Regex ThreeCurrentsFormat => ThreeCurrentsPattern();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the serving loop, as intended.
        }
    }

    /// <summary>
    /// Listens on a free port; again on another when a server started by a test running alongside
    /// (a broker) took the port between <see cref="LoopbackPort.Free"/> and here.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    [GeneratedRegex(@"^\d+;\d+;\d+;\d+;\d+;\d+$")]
    private static partial Regex P1Pattern();

    [GeneratedRegex(@"^-?\d+;\d+$")]
    private static partial Regex InstantAndCounterPattern();

    [GeneratedRegex(@"^\d+\.\d$")]
    private static partial Regex VoltagePattern();

    [GeneratedRegex(@"^\d+\.\d\d;\d+\.\d\d;\d+\.\d\d$")]
    private static partial Regex ThreeCurrentsPattern();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var (status, body) = Answer(context.Request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json;charset=UTF-8";
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        const string Err = """{"status":"ERR"}""";
        var authorization = request.Headers["Authorization"];
        AuthorizationHeaders.Enqueue(authorization);
        if (RequiredAuthorization is not null && authorization != RequiredAuthorization)
        {
            return (401, "Unauthorized");
        }

        if (request.Url?.AbsolutePath != "/json.htm")
        {
            Violations.Enqueue($"path {request.Url?.AbsolutePath}");
            return (404, "Not found");
        }

        var query = request.QueryString;
        if (query["type"] != "command" || query["param"] != "udevice")
        {
            Violations.Enqueue($"type={query["type"]} param={query["param"]}");
            return (query["type"] == "command" ? 200 : 404, Err);
        }

        if (ViewerOnly)
        {
            return (403, "Forbidden");
        }

        if (!int.TryParse(query["nvalue"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var nvalue))
        {
            Violations.Enqueue($"nvalue '{query["nvalue"]}' is not an integer");
            return (200, Err);
        }

        if (!int.TryParse(query["idx"], NumberStyles.None, CultureInfo.InvariantCulture, out var idx) || !_devices.TryGetValue(idx, out var format))
        {
            return (200, Err); // an unknown idx is no violation of the API: Domoticz just says ERR
        }

        var svalue = query["svalue"] ?? string.Empty;
        if (request.RawUrl?.Contains("%3B", StringComparison.OrdinalIgnoreCase) == true)
        {
            Violations.Enqueue($"svalue's ; escaped in {request.RawUrl}, unlike Domoticz' documented svalue=USAGE1;USAGE2;...");
        }

        if (!format.IsMatch(svalue))
        {
            Violations.Enqueue($"idx {idx}: svalue '{svalue}' does not match {format}");
            return (200, Err);
        }

        Updates.Enqueue(new TakenUpdate(idx, nvalue, svalue));
        return (200, """{"status":"OK","title":"Update Device"}""");
    }

    public sealed record TakenUpdate(int Idx, int NValue, string SValue);
}
