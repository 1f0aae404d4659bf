using System.Diagnostics;
using System.Globalization;
using System.Text;
using Han.Integrations.Mqtt;
using Han.Live.Fanout;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>
/// han's MQTT connection against a real mosquitto, checked with mosquitto_sub and mosquitto_pub, never
/// with han's own MQTT code: availability, retained flags, both protocol versions, TLS, passwords, and
/// what survives a broker restart.
/// </summary>
public sealed class MqttConnectionTests
{
    [Theory]
    [InlineData(MqttProtocol.V311)]
    [InlineData(MqttProtocol.V5)]
    public async Task Publish_EitherProtocol_ArrivesWithItsRetainFlagAndStatusIsOnline(MqttProtocol protocol)
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker, o => o with { Protocol = protocol });
        han.Connection.Start();
        await han.WaitForConnectionsAsync();
        using var live = new MosquittoSubscriber(broker, ["han/#"]);

        han.Connection.Publish(MqttOutgoing.Text("han/house/state", "{\"a\":1}", retain: true));
        han.Connection.Publish(MqttOutgoing.Text("han/house/event", "now", retain: false));
        await han.WaitUntilAsync(() => han.Connection.Counters.Published == 2, "two publishes");
        using var later = new MosquittoSubscriber(broker, ["han/#"]);

        var status = await later.WaitForTopicAsync("han/status");
        var kept = await later.WaitForTopicAsync("han/house/state");
        var live1 = await live.WaitForTopicAsync("han/house/event");
        Assert.Equal("online", status.Payload);
        Assert.True(status.Retained);
        Assert.Equal("{\"a\":1}", kept.Payload);
        Assert.True(kept.Retained);
        Assert.Equal("now", live1.Payload);
        Assert.False(live1.Retained);
        Assert.DoesNotContain(later.Messages, m => m.Topic == "han/house/event"); // not retained: a later subscriber never sees it
        // mosquitto logs the protocol of each client: p2 is MQTT 3.1.1, p5 is MQTT 5; c0 a persistent session.
        Assert.Contains($"as {han.ClientId} ({(protocol == MqttProtocol.V5 ? "p5" : "p2")}, c0, k30)", broker.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloseAsync_Connected_SendsWhatIsQueuedThenOfflineRetained()
    {
        using var broker = new MosquittoBroker();
        var han = new ConnectionUnderTest(broker);
        han.Connection.Start();
        await han.WaitForConnectionsAsync();
        using var subscriber = new MosquittoSubscriber(broker, ["han/#"]);
        for (var i = 0; i < 100; i++)
        {
            han.Connection.Publish(MqttOutgoing.Text("han/test/n", i.ToString(CultureInfo.InvariantCulture), retain: false));
        }

        await han.Connection.CloseAsync(TimeSpan.FromSeconds(20));
        await han.DisposeAsync();

        var offline = await subscriber.WaitForAsync(m => m.Topic == "han/status" && m.Payload == "offline");
        var numbers = subscriber.Messages.Where(m => m.Topic == "han/test/n").Select(m => m.Payload).ToList();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)), numbers);
        Assert.Equal(100, han.Connection.Counters.Published);
        Assert.Equal(0, han.Connection.Counters.Dropped);
        using var later = new MosquittoSubscriber(broker, ["han/status"]);
        Assert.True((await later.WaitForTopicAsync("han/status")).Retained);
        Assert.Equal("offline", later.Messages[0].Payload);
        Assert.NotNull(offline);
    }

    [Fact]
    public async Task Connect_WrongPassword_IsReportedOnceClearlyWhileRetrying()
    {
        using var broker = new MosquittoBroker(new Dictionary<string, string> { ["han"] = "secret" });
        await using var han = new ConnectionUnderTest(broker, o => o with { Username = "han", Password = "wrong" });

        han.Connection.Start();
        await han.WaitUntilAsync(() => Attempts(broker) >= 3, "three connection attempts");

        var error = Assert.Single(han.Errors);
        Assert.Contains($"the MQTT broker at 127.0.0.1:{broker.Port} refused the user name or password (user 'han'", error, StringComparison.Ordinal);
        Assert.Contains("check mqtt.username and mqtt.password (or mqtt.password_file)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal); // no stack trace
        Assert.Equal(0, han.Connection.Counters.Connections);
    }

    [Fact]
    public async Task Connect_NothingListening_IsReportedOnceThenConnectedWhenTheBrokerComes()
    {
        using var broker = new MosquittoBroker();
        broker.Stop();
        await using var han = new ConnectionUnderTest(broker);
        han.Connection.Publish(MqttOutgoing.Text("han/house/state", "waited", retain: true));

        han.Connection.Start();
        await han.WaitUntilAsync(() => han.Errors.Count > 0, "a report");
        // Two attempts more: the first of them has failed, and its trouble been told or not, before the second starts.
        var attempts = han.Connection.Counters.Attempts;
        await han.WaitUntilAsync(() => han.Connection.Counters.Attempts >= attempts + 2, "two more attempts");
        var toldMeanwhile = han.Errors.Count;
        broker.Start();
        await han.WaitForConnectionsAsync(seconds: 60);
        using var subscriber = new MosquittoSubscriber(broker, ["han/house/state"]);

        Assert.Equal(1, toldMeanwhile);
        var error = Assert.Single(han.Errors);
        Assert.Contains($"the MQTT broker at 127.0.0.1:{broker.Port} refuses connections (nothing listens on port {broker.Port}); check that the broker runs and mqtt.host and mqtt.port", error, StringComparison.Ordinal);
        Assert.Equal("waited", (await subscriber.WaitForTopicAsync("han/house/state")).Payload);
        Assert.Contains(han.Reports, r => r.Level == NoteLevel.Information && r.Text.StartsWith($"MQTT: connected to 127.0.0.1:{broker.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_BrokerRestartsInTheMiddle_EveryQos1MessageReachesAPersistentSubscriber()
    {
        const int Count = 300;
        using var broker = new MosquittoBroker();
        // A persistent QoS 1 session: the broker keeps what arrives for it while it is away, over its own restart.
        string[] session = ["-c", "-i", "han-test-persistent"];
        using (new MosquittoSubscriber(broker, ["han/seq"], session))
        {
        }

        await using var han = new ConnectionUnderTest(broker);
        han.Connection.Start();
        await han.WaitForConnectionsAsync();
        for (var i = 0; i < Count; i++)
        {
            if (i == Count / 3)
            {
                broker.Stop(); // with messages still queued or in flight
            }

            if (i == 2 * Count / 3)
            {
                broker.Start();
            }

            han.Connection.Publish(MqttOutgoing.Text("han/seq", i.ToString(CultureInfo.InvariantCulture), retain: false));
            await Task.Delay(5);
        }

        await han.WaitForConnectionsAsync(2, seconds: 90);
        await han.WaitUntilAsync(() => han.Connection.Queued == 0, "an empty queue", seconds: 60);
        using var subscriber = new MosquittoSubscriber(broker, ["han/seq"], session);
        await subscriber.WaitForAsync(_ => subscriber.Messages.Select(m => m.Payload).Distinct().Count() == Count, TimeSpan.FromSeconds(30));

        var received = subscriber.Messages.Select(m => int.Parse(m.Payload, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(Enumerable.Range(0, Count).ToHashSet(), received);
        Assert.Equal(0, han.Connection.Counters.Dropped);
    }

    [Fact]
    public async Task Subscribe_BrokerRestarts_IsMadeAgainAndConnectedIsRaised()
    {
        using var broker = new MosquittoBroker();
        await using var han = new ConnectionUnderTest(broker);
        var received = new List<string>();
        var connected = 0;
        han.Connection.Connected += () => Interlocked.Increment(ref connected);
        han.Connection.Subscribe("homeassistant/status", message =>
        {
            lock (received)
            {
                received.Add(Encoding.UTF8.GetString(message.Payload.Span));
            }

            return ValueTask.CompletedTask;
        });
        han.Connection.Start();
        await han.WaitForConnectionsAsync();

        broker.Stop();
        broker.Start();
        await han.WaitForConnectionsAsync(2, seconds: 90);
        await han.WaitUntilAsync(() => broker.Log.Split('\n').Count(l => l.Contains("Received SUBSCRIBE", StringComparison.Ordinal)) >= 2, "the subscription made again after the restart");
        Publish(broker, "homeassistant/status", "online");

        await han.WaitUntilAsync(() => { lock (received) { return received.Contains("online"); } }, "the birth message");
        Assert.Equal(2, connected);
    }

    [Fact]
    public async Task Connect_TlsWithTheTestCa_PublishesAndWithoutItReportsTheHandshake()
    {
        using var broker = new MosquittoBroker(tls: true);
        await using var trusting = new ConnectionUnderTest(broker, o => o with { Port = broker.TlsPort, Tls = new MqttTls(broker.Certificates!.CaFile) });
        await using var untrusting = new ConnectionUnderTest(broker, o => o with { Port = broker.TlsPort, Tls = new MqttTls() });
        using var subscriber = new MosquittoSubscriber(broker, ["han/#"]);

        trusting.Connection.Start();
        untrusting.Connection.Start();
        trusting.Connection.Publish(MqttOutgoing.Text("han/tls", "secret", retain: false));

        Assert.Equal("secret", (await subscriber.WaitForTopicAsync("han/tls")).Payload);
        await untrusting.WaitUntilAsync(() => untrusting.Errors.Count > 0, "a report");
        Assert.Contains("the TLS handshake with the MQTT broker", untrusting.Errors[0], StringComparison.Ordinal);
        Assert.Equal(0, untrusting.Connection.Counters.Connections);
    }

    [Fact]
    public async Task Connect_BrokerRequiresAClientCertificate_ConnectsWithOne()
    {
        using var broker = new MosquittoBroker(tls: true, requireClientCertificate: true);
        var certificates = broker.Certificates!;
        await using var with = new ConnectionUnderTest(broker, o => o with { Port = broker.TlsPort, Tls = new MqttTls(certificates.CaFile, certificates.ClientCertificateFile, certificates.ClientKeyFile) });
        await using var without = new ConnectionUnderTest(broker, o => o with { Port = broker.TlsPort, Tls = new MqttTls(certificates.CaFile) });
        using var subscriber = new MosquittoSubscriber(broker, ["han/#"]);

        with.Connection.Start();
        without.Connection.Start();
        with.Connection.Publish(MqttOutgoing.Text("han/tls", "certified", retain: false));

        Assert.Equal("certified", (await subscriber.WaitForTopicAsync("han/tls")).Payload);
        await without.WaitUntilAsync(() => without.Errors.Count > 0, "a report");
        Assert.Equal(0, without.Connection.Counters.Connections);
    }

    [Fact]
    public async Task Publish_BrokerAclRefusesTheTopicWithMqtt5_CountedAsRefusedAndToldOnceNamingTheUser()
    {
        using var broker = new MosquittoBroker(new Dictionary<string, string> { ["han"] = "secret" }, acl: ["user han", "topic readwrite allowed/#"]);
        await using var han = new ConnectionUnderTest(broker, o => o with { Username = "han", Password = "secret", Protocol = MqttProtocol.V5 });
        han.Connection.Start();
        await han.WaitForConnectionsAsync();

        han.Connection.Publish(MqttOutgoing.Text("han/house/state", "1", retain: true));
        han.Connection.Publish(MqttOutgoing.Text("han/house/state", "2", retain: true));
        han.Connection.Publish(MqttOutgoing.Text("allowed/x", "3", retain: false));
        await han.WaitUntilAsync(() => han.Connection.Counters.Failed + han.Connection.Counters.Published == 3, "three answers from the broker");

        Assert.Equal(2, han.Connection.Counters.Failed);
        Assert.Equal(1, han.Connection.Counters.Published);
        var told = Assert.Single(han.Reports, r => r.Level == NoteLevel.Warning);
        Assert.Contains("the MQTT broker refused a message on han/house/state (NotAuthorized", told.Text, StringComparison.Ordinal);
        Assert.Contains("check that user 'han' may publish under han/ (the broker's ACL)", told.Text, StringComparison.Ordinal);
    }

    /// <summary>Connections the broker saw from han's test clients (each attempt is a "New connection").</summary>
    private static int Attempts(MosquittoBroker broker) =>
        broker.Log.Split('\n').Count(line => line.Contains("New client connected", StringComparison.Ordinal) || line.Contains("not authorised", StringComparison.OrdinalIgnoreCase) || line.Contains("bad username or password", StringComparison.OrdinalIgnoreCase));

    private static void Publish(MosquittoBroker broker, string topic, string payload)
    {
        var start = new ProcessStartInfo("mosquitto_pub") { UseShellExecute = false };
        foreach (var argument in new[] { "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-m", payload, "-q", "1" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
