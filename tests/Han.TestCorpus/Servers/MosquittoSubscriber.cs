using System.Diagnostics;
using System.Globalization;

namespace Han.TestCorpus.Servers;

/// <summary>One message as mosquitto_sub printed it: its topic, whether the broker kept it (retained), its payload as text.</summary>
public sealed record ReceivedMessage(string Topic, bool Retained, string Payload);

/// <summary>
/// A real <c>mosquitto_sub</c> subscribed to topics of a <see cref="MosquittoBroker"/>: the independent
/// client that checks what han published (topic, retain flag, payload), never han's own MQTT code. It
/// prints one line per message (<c>-F '%r %t %p'</c>, payloads as text; a payload's line breaks would
/// split it, and han's payloads have none).
/// </summary>
public sealed class MosquittoSubscriber : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly List<ReceivedMessage> _messages = [];
    private readonly List<string> _errors = [];

    /// <param name="extraArguments">More mosquitto_sub arguments (-u/-P, --cafile, -V mqttv5 ...).</param>
    public MosquittoSubscriber(MosquittoBroker broker, IEnumerable<string> topics, IEnumerable<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(topics);
        var extra = extraArguments?.ToList() ?? [];
        ClientId = GivenClientId(extra) ?? $"han-sub-{Guid.NewGuid():N}"[..20];
        var subscriptionsBefore = Subscriptions(broker, ClientId);
        var start = new ProcessStartInfo("mosquitto_sub") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-F", "%r %t %p", "-q", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var topic in topics)
        {
            start.ArgumentList.Add("-t");
            start.ArgumentList.Add(topic);
        }

        if (GivenClientId(extra) is null)
        {
            start.ArgumentList.Add("-i");
            start.ArgumentList.Add(ClientId);
        }

        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("mosquitto_sub is not installed; ./test.sh installs it (apt-get install mosquitto-clients)", missing);
        }

        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(line.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilSubscribed(broker, subscriptionsBefore);
    }

    /// <summary>The client id mosquitto_sub connects with: the one given with <c>-i</c>/<c>--id</c>, else one of its own.</summary>
    public string ClientId { get; }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits until a received message satisfies <paramref name="match"/> and returns it; fails with what arrived instead.</summary>
    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> match, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        while (DateTime.UtcNow < deadline)
        {
            if (Messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        var seen = Messages;
        throw new TimeoutException($"no such message within {(patience ?? Patience).TotalSeconds:0} s; {seen.Count} arrived: "
            + string.Join("\n", seen.TakeLast(20).Select(m => $"{(m.Retained ? "retained " : string.Empty)}{m.Topic} {m.Payload}"))
            + (_errors.Count > 0 ? "\nmosquitto_sub said: " + string.Join("\n", _errors) : string.Empty));
    }

    /// <summary>Waits for the first message on <paramref name="topic"/>.</summary>
    public Task<ReceivedMessage> WaitForTopicAsync(string topic, TimeSpan? patience = null) =>
        WaitForAsync(message => message.Topic == topic, patience);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>
    /// mosquitto_sub says nothing once subscribed; the broker's log does. Only this client's SUBACK counts:
    /// another client's SUBSCRIBE (han's own connection subscribing at the same moment) says nothing of this
    /// one, and the broker sends the SUBACK after it has added every filter of the SUBSCRIBE.
    /// </summary>
    private void WaitUntilSubscribed(MosquittoBroker broker, int before)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Subscriptions(broker, ClientId) <= before)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"mosquitto_sub did not subscribe: {string.Join("\n", _errors)}");
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>How many SUBSCRIBEs of <paramref name="clientId"/> the broker has acknowledged (a persistent session's id may subscribe again).</summary>
    private static int Subscriptions(MosquittoBroker broker, string clientId) =>
        broker.Log.Split('\n').Count(line => line.EndsWith(": Sending SUBACK to " + clientId, StringComparison.Ordinal));

    private static string? GivenClientId(List<string> arguments)
    {
        var at = arguments.FindIndex(argument => argument is "-i" or "--id");
        return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        var first = line.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
        var message = second < 0
            ? new ReceivedMessage(line[(first + 1)..], line.StartsWith('1'), string.Empty)
            : new ReceivedMessage(line[(first + 1)..second], line.StartsWith('1'), line[(second + 1)..]);
        lock (_messages)
        {
            _messages.Add(message);
        }
    }
}
