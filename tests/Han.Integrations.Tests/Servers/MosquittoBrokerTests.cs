using System.Diagnostics;
using System.Globalization;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Servers;

/// <summary>
/// The test broker itself, with Debian's own clients only: what the MQTT tests rely on (a retained
/// message kept over a restart, passwords refused, TLS with the test CA) holds before han is involved.
/// </summary>
public sealed class MosquittoBrokerTests
{
    [Fact]
    public async Task Broker_RetainedMessageAndRestart_KeepsTheMessage()
    {
        using var broker = new MosquittoBroker();
        Publish(broker, "han/test", "kept", "-r", "-q", "1");
        broker.Stop();
        broker.Start();

        using var subscriber = new MosquittoSubscriber(broker, ["han/#"]);
        var message = await subscriber.WaitForTopicAsync("han/test");

        Assert.True(message.Retained);
        Assert.Equal("kept", message.Payload);
    }

    [Fact]
    public void Broker_WithUsers_RefusesAWrongPassword()
    {
        using var broker = new MosquittoBroker(new Dictionary<string, string> { ["han"] = "secret" });

        var refused = Publish(broker, "han/test", "x", "-u", "han", "-P", "wrong");
        var accepted = Publish(broker, "han/test", "x", "-u", "han", "-P", "secret");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("not authorised", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, accepted.ExitCode);
    }

    [Fact]
    public void Broker_WithTls_AcceptsAClientThatTrustsTheTestCaOnly()
    {
        using var broker = new MosquittoBroker(tls: true);
        var port = broker.TlsPort.ToString(CultureInfo.InvariantCulture);

        var trusting = Publish(broker, "han/test", "x", "-p", port, "--cafile", broker.Certificates!.CaFile);
        var untrusting = Publish(broker, "han/test", "x", "-p", port, "--capath", "/etc/ssl/certs");

        Assert.True(trusting.ExitCode == 0, trusting.Error);
        Assert.NotEqual(0, untrusting.ExitCode);
    }

    private static (int ExitCode, string Error) Publish(MosquittoBroker broker, string topic, string payload, params string[] extra)
    {
        var start = new ProcessStartInfo("mosquitto_pub") { UseShellExecute = false, RedirectStandardError = true };
        string[] arguments = ["-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-m", payload, .. extra];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
