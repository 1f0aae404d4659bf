using System.Text;
using Han.Readings;
using Han.Simulation;
using Han.Sources.Captures;

namespace Han.Cli.Simulation;

/// <summary>
/// Writes a simulated meter's lists as a han capture (docs/capture-format.md), each line with the time
/// the meter sent it as its receive time, as fast as they are made: months of history for
/// <c>han import</c> and <c>han replay</c> in seconds. A list a fault left unsent has no line.
/// </summary>
internal static class SimulatedCapture
{
    public static async Task<RunSummary> WriteAsync(IEnumerable<Transmission> transmissions, DateTimeOffset end, string path, string description, CancellationToken cancellationToken)
    {
        var summary = new RunSummary();
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1024 * 1024);
        await using var writer = new StreamWriter(file, new UTF8Encoding(false), bufferSize: 1024 * 1024) { NewLine = "\n" };
        await writer.WriteLineAsync(CaptureFormat.Header).ConfigureAwait(false);
        var first = true;
        foreach (var transmission in transmissions)
        {
            if (transmission.Time >= end)
            {
                break;
            }

            if (first)
            {
                await writer.WriteLineAsync($"# {ReceiveTime.ToText(transmission.Time)} recording {description}").ConfigureAwait(false);
                first = false;
            }

            if (transmission.Wire.Length > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writer.WriteAsync(ReceiveTime.ToText(transmission.Time)).ConfigureAwait(false);
                await writer.WriteAsync(' ').ConfigureAwait(false);
                await writer.WriteLineAsync(Convert.ToHexString(transmission.Wire)).ConfigureAwait(false);
            }

            summary.Add(transmission);
        }

        return summary;
    }
}
