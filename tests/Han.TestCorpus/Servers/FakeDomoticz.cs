using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
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
    private readonly Dictionary<int, Regex> _devices;
    private readonly RecordedHttpServer _server;

    /// <param name="devices">The devices that exist: idx and the svalue pattern of its type.</param>
    public FakeDomoticz(Dictionary<int, Regex> devices)
    {
        _devices = devices;
        _server = new RecordedHttpServer(request =>
        {
            var (status, body) = Answer(request);
            return new RecordedResponse(status, body, "application/json;charset=UTF-8");
        });
    }

    public int Port => _server.Port;

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

    public void Dispose() => _server.Dispose();

    [GeneratedRegex(@"^\d+;\d+;\d+;\d+;\d+;\d+$")]
    private static partial Regex P1Pattern();

    [GeneratedRegex(@"^-?\d+;\d+$")]
    private static partial Regex InstantAndCounterPattern();

    [GeneratedRegex(@"^\d+\.\d$")]
    private static partial Regex VoltagePattern();

    [GeneratedRegex(@"^\d+\.\d\d;\d+\.\d\d;\d+\.\d\d$")]
    private static partial Regex ThreeCurrentsPattern();

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
