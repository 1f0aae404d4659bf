using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Han.Cli.Tests.Service;

/// <summary>
/// A simulated meter as a han capture (docs/capture-format.md): each list's bytes on a line with the
/// time the simulator's log says it was sent, so that han reads hours of a meter in seconds with the
/// meter's own times as receive times (the live energy estimate integrates over receive time).
/// </summary>
internal static class SimulatedCapture
{
    /// <returns>The capture's path, and the simulator's log (one JSON line per list sent).</returns>
    public static async Task<(string Capture, string Log)> WriteAsync(string folder, string vendor, string duration, string start, int seed, string? faults = null)
    {
        var bytes = Path.Combine(folder, $"{vendor}.bin");
        var log = Path.Combine(folder, $"{vendor}.log");
        var faultOption = faults is null ? string.Empty : $" --faults {faults}";
        var simulated = await Shell.Run($"exec \"$HAN\" simulate --meter {vendor} --speed max --duration {duration} --start {start} --seed {seed}{faultOption} --log {log} > {bytes}", folder);
        Assert.Equal(0, simulated.ExitCode);

        var stream = await File.ReadAllBytesAsync(bytes);
        var capture = new StringBuilder("# han capture 1\n");
        var written = 0;
        foreach (var line in File.ReadLines(log))
        {
            var list = JsonNode.Parse(line)!.AsObject();
            var at = DateTimeOffset.Parse(list["time"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            var offset = list["offset"]!.GetValue<int>();
            var end = offset + list["bytes"]!.GetValue<int>();
            capture.Append(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
                .Append(' ').Append(Convert.ToHexString(stream, written, end - written)).Append('\n');
            written = end;
        }

        Assert.Equal(stream.Length, written); // every byte the simulator sent is in the capture
        var path = Path.Combine(folder, $"{vendor}.han");
        await File.WriteAllTextAsync(path, capture.ToString());
        return (path, log);
    }
}
