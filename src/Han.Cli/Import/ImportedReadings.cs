using Han.Pipeline;
using Han.Readings;

namespace Han.Cli.Import;

/// <summary>What the decoder finds in an input being imported: its readings, held until the importer takes them.</summary>
internal sealed class ImportedReadings : DecodeObserver
{
    private readonly List<MeterReading> _readings = [];

    public override void OnReading(MeterReading reading, long offset) => _readings.Add(reading);

    /// <summary>The readings found since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<MeterReading> Found => _readings;

    public void Clear() => _readings.Clear();
}
