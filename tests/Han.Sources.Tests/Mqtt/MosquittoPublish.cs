using System.Diagnostics;
using Han.TestCorpus.Servers;

namespace Han.Sources.Tests.Mqtt;

/// <summary>Publishes with a real <c>mosquitto_pub</c>, as an ESP reader's messages reach a broker: QoS 1, the payload from a file (bytes exactly) or a text.</summary>
internal static class MosquittoPublish
{
    public static void Bytes(MosquittoBroker broker, string topic, byte[] payload, bool retain = false, string? user = null, string? password = null)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, payload);
            Run(broker, topic, ["-f", file], retain, user, password);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static void Text(MosquittoBroker broker, string topic, string text) => Run(broker, topic, ["-m", text], retain: false, null, null);

    private static void Run(MosquittoBroker broker, string topic, string[] payload, bool retain, string? user, string? password)
    {
        var start = new ProcessStartInfo("mosquitto_pub") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", broker.Host, "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", topic, .. payload])
        {
            start.ArgumentList.Add(argument);
        }

        if (retain)
        {
            start.ArgumentList.Add("-r");
        }

        if (user is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(user);
            start.ArgumentList.Add("-P");
            start.ArgumentList.Add(password ?? string.Empty);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub failed ({process.ExitCode}): {error}");
        }
    }
}
