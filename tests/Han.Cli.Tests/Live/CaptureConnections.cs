namespace Han.Cli.Tests.Live;

/// <summary>
/// What a live han received, read from its capture (<c>--record</c>, docs/capture-format.md): the bytes of
/// each connection (TCP) or opening (a serial device), in order. A new one starts at each comment that
/// says the source was connected or opened, as the source reported it.
/// </summary>
internal static class CaptureConnections
{
    public static IReadOnlyList<byte[]> Read(string capture)
    {
        var connections = new List<List<byte>>();
        foreach (var line in File.ReadLines(capture).Skip(1))
        {
            if (line.StartsWith('#'))
            {
                var message = line[(line.IndexOf(' ', 2) + 1)..];
                if (message.StartsWith("connected to ", StringComparison.Ordinal) || message.StartsWith("reading ", StringComparison.Ordinal))
                {
                    connections.Add([]);
                }

                continue;
            }

            Assert.True(connections.Count > 0, $"bytes before the source said it was open: {line}");
            connections[^1].AddRange(Convert.FromHexString(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
        }

        return [.. connections.Select(bytes => bytes.ToArray())];
    }
}
