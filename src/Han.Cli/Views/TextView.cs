using System.Globalization;
using System.Text;
using Han.Pipeline;
using Han.Protocol;
using Han.Readings;

namespace Han.Cli.Views;

/// <summary>The default format: a short, readable block per reading and a closing summary.</summary>
internal sealed class TextView : TextOutputView
{
    private static readonly (string Label, (ReadingField Field, string Name)[] Fields)[] Groups =
    [
        ("power", [(ReadingField.ActivePowerImport, "P+"), (ReadingField.ActivePowerExport, "P-"), (ReadingField.ReactivePowerImport, "Q+"), (ReadingField.ReactivePowerExport, "Q-"), (ReadingField.PowerFactor, "PF"), (ReadingField.Frequency, "f")]),
        ("L1", [(ReadingField.VoltageL1, "U"), (ReadingField.CurrentL1, "I"), (ReadingField.ActivePowerImportL1, "P+"), (ReadingField.ActivePowerExportL1, "P-"), (ReadingField.PowerFactorL1, "PF")]),
        ("L2", [(ReadingField.VoltageL2, "U"), (ReadingField.CurrentL2, "I"), (ReadingField.ActivePowerImportL2, "P+"), (ReadingField.ActivePowerExportL2, "P-"), (ReadingField.PowerFactorL2, "PF")]),
        ("L3", [(ReadingField.VoltageL3, "U"), (ReadingField.CurrentL3, "I"), (ReadingField.ActivePowerImportL3, "P+"), (ReadingField.ActivePowerExportL3, "P-"), (ReadingField.PowerFactorL3, "PF")]),
        ("energy", [(ReadingField.ActiveEnergyImport, "A+"), (ReadingField.ActiveEnergyExport, "A-"), (ReadingField.ReactiveEnergyImport, "R+"), (ReadingField.ReactiveEnergyExport, "R-")]),
        ("tariffs", [(ReadingField.ActiveEnergyImportTariff1, "A+ T1"), (ReadingField.ActiveEnergyImportTariff2, "A+ T2"), (ReadingField.ActiveEnergyExportTariff1, "A- T1"), (ReadingField.ActiveEnergyExportTariff2, "A- T2")]),
    ];

    public TextView(Stream output)
        : base(output)
    {
    }

    public override void OnReading(MeterReading reading, long offset)
    {
        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"reading at byte {offset}: {reading.MeterManufacturer ?? $"unidentified meter ({reading.Profile} profile)"}");
        AppendIf(header, " ", reading.MeterType);
        AppendIf(header, ", meter ", reading.MeterId);
        AppendIf(header, ", list ", reading.ListVersion);
        AppendIf(header, ", ", reading.MeterTime?.ToString());
        AppendIf(header, ", received ", reading.Received is { } received ? ReceiveTime.ToText(received) : null);
        WriteLine(header.ToString());

        var written = new HashSet<ReadingField>();
        foreach (var (label, fields) in Groups)
        {
            var line = new StringBuilder();
            foreach (var (field, name) in fields)
            {
                if (reading.TryGet(field, out var value))
                {
                    written.Add(field);
                    line.Append(CultureInfo.InvariantCulture, $"  {name} {Fields.Format(value, field)}");
                }
            }

            if (line.Length > 0)
            {
                WriteLine($"  {label,-8}{line}");
            }
        }

        foreach (var (field, value) in reading.Values())
        {
            if (!written.Contains(field))
            {
                WriteLine($"  {ReadingFieldInfo.Of(field).Key} {Fields.Format(value, field)}");
            }
        }

        foreach (var line in Fields.OtherLines(reading))
        {
            WriteLine("  " + line);
        }
    }

    public override void EndInput(DecodeCounters counters)
    {
        var framing = counters.Framing;
        WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{counters.Readings} readings from {framing.Frames} frames and {counters.Apdus} APDUs; {counters.Problems} problems; {counters.Bytes} bytes read, {framing.DiscardedBytes} skipped"));
    }

    private static void AppendIf(StringBuilder builder, string prefix, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder.Append(prefix).Append(value);
        }
    }
}
