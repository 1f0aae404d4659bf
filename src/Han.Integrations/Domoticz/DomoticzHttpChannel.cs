using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Han.Live.Fanout;

namespace Han.Integrations.Domoticz;

/// <summary>
/// Updates through Domoticz' HTTP JSON API (<c>udevice</c>, integrations.md §2.2). Domoticz answers
/// HTTP 200 both when it took the update (<c>{"status":"OK"}</c>) and when it did not
/// (<c>{"status":"ERR"}</c>, an unknown idx for one), so the body is read, not just the status. Every
/// trouble is said once with what to do (<see cref="DomoticzTroubleLog"/>); the update is dropped, and
/// the next one (the device's next interval) tries again.
/// </summary>
public sealed class DomoticzHttpChannel : IDomoticzChannel
{
    private const string Connection = "connection";

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly DomoticzTroubleLog _troubles;

    /// <param name="http">Shared by the meters; its timeout bounds each update.</param>
    /// <param name="url">Domoticz' web address: <c>http://pi:8080</c>.</param>
    /// <param name="username">With <paramref name="password"/>, sent as HTTP Basic authentication; null for a trusted network.</param>
    /// <param name="report">Where troubles and recoveries are said (the log).</param>
    public DomoticzHttpChannel(HttpClient http, Uri url, string? username, string? password, Action<string, NoteLevel> report)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _url = url ?? throw new ArgumentNullException(nameof(url));
        _troubles = new DomoticzTroubleLog(report ?? throw new ArgumentNullException(nameof(report)));
        if (username is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
            _authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    public string Name => $"domoticz {_url.GetLeftPart(UriPartial.Authority)}";

    public async ValueTask SendAsync(DomoticzUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        using var request = new HttpRequestMessage(HttpMethod.Get, DomoticzHttpRequest.For(_url, update));
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Judge(update, response.StatusCode, body);
        }
        catch (HttpRequestException problem)
        {
            _troubles.Trouble(Connection, "unreachable", $"{Name}: cannot reach Domoticz at {_url} ({problem.Message}); check domoticz.url and that Domoticz is running. Updates are dropped until it answers.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _http.Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            _troubles.Trouble(Connection, "timeout", $"{Name}: Domoticz at {_url} did not answer within {seconds} s; updates are dropped until it does.");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Judge(DomoticzUpdate update, HttpStatusCode status, string body)
    {
        var subject = update.Idx.ToString(CultureInfo.InvariantCulture);
        var device = $"{DomoticzDevices.SettingName(update.Device)} (idx {update.Idx})";
        if (status != HttpStatusCode.OK)
        {
            _troubles.Trouble(Connection, $"http {(int)status}", $"{Name}: {Refusal(status)}");
            return;
        }

        _troubles.Fine(Connection, $"{Name}: Domoticz answers again");
        switch (Status(body))
        {
            case "OK":
                _troubles.Fine(subject, $"{Name}: Domoticz takes the updates of {device} again");
                break;
            case "ERR":
                _troubles.Trouble(subject, "ERR", $"{Name}: Domoticz refused the update of {device} (status ERR): check that idx {update.Idx} is a '{DomoticzDevices.DomoticzType(update.Device)}' device in Domoticz' Setup > Devices; an unknown idx is answered like this.");
                break;
            default:
                _troubles.Trouble(Connection, "not domoticz", $"{Name}: {_url} did not answer like Domoticz (no status OK in {Shorten(body)}); check that domoticz.url is Domoticz' web address, as in http://pi:8080.");
                break;
        }
    }

    private string Refusal(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized when _authorization is null =>
            "Domoticz wants a login (HTTP 401): add han's address to Trusted Networks (Setup > Settings > Security), or set domoticz.username and domoticz.password.",
        HttpStatusCode.Unauthorized =>
            "Domoticz refused the username or password (HTTP 401): check domoticz.username and domoticz.password; over plain http Domoticz takes them only with 'Allow Basic-Auth authentication over plain HTTP' on (Setup > Settings > Security), or use https.",
        HttpStatusCode.Forbidden =>
            "Domoticz does not let this user update devices (HTTP 403): a user with Viewer rights cannot; give it User or Admin rights in Setup > Users.",
        HttpStatusCode.NotFound =>
            $"no Domoticz API at {_url} (HTTP 404): check domoticz.url (Domoticz' web address, as in http://pi:8080).",
        _ => $"Domoticz answered HTTP {(int)status} {status}; updates are dropped until it answers 200.",
    };

    /// <summary>The <c>status</c> of Domoticz' JSON answer, or null when the body is not such an answer.</summary>
    private static string? Status(string body)
    {
        try
        {
            using var answer = JsonDocument.Parse(body);
            return answer.RootElement.ValueKind == JsonValueKind.Object
                && answer.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.String
                ? status.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string body) => body.Length <= 80 ? $"'{body}'" : $"'{body[..80]}...'";
}
