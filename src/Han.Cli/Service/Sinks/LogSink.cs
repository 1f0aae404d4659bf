using System.Globalization;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings;
using Microsoft.Extensions.Logging;

namespace Han.Cli.Service.Sinks;

/// <summary>
/// The service's log (the journal under systemd): what the line did (connected, unplugged, the line
/// setting found), and with <c>outputs.log_readings</c> a short line per reading. Behind its own queue
/// like every sink, so a slow terminal or journal never holds up decoding.
/// </summary>
internal sealed class LogSink(ILogger log, bool logReadings) : IMeterSink
{
    public string Name => "log";

    public bool Accepts(MeterEvent item) => item is LineNote || (logReadings && item is ReadingMade);

    public ValueTask WriteAsync(MeterEvent item, CancellationToken cancellationToken)
    {
        switch (item)
        {
            case LineNote note:
                ServiceLog.Write(log, note.Level, $"{note.Meter}: {note.Text}");
                break;
            case ReadingMade reading:
                var described = Describe(reading.Reading);
                ServiceLog.Information(log, $"{reading.Meter}: {described}");
                break;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary><c>1234 W in, 0 W out, 12345.678 kWh in (register)</c>: power, then energy, exact or estimated, said which.</summary>
    internal static string Describe(LiveReading live)
    {
        var reading = live.Reading;
        var parts = new List<string>();
        Add(parts, reading[ReadingField.ActivePowerImport], "W in");
        Add(parts, reading[ReadingField.ActivePowerExport], "W out");
        if (reading[ReadingField.ActiveEnergyImport] is { } register)
        {
            Add(parts, register, "kWh in (register)");
        }
        else
        {
            Add(parts, live.ImportEstimate is { } estimate ? Math.Round(estimate, 3) : null, "kWh in (estimate)");
        }

        return parts.Count == 0 ? $"a reading ({reading.ListVersion ?? "list"}) without power or energy" : string.Join(", ", parts);
    }

    private static void Add(List<string> parts, decimal? value, string unit)
    {
        if (value is { } number)
        {
            parts.Add(number.ToString(CultureInfo.InvariantCulture) + " " + unit);
        }
    }
}
