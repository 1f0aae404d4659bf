using System.Globalization;
using Han.Readings;

namespace Han.Cli.Views;

/// <summary><c>--format fields</c>: one <c>name = value unit</c> line per value, a comment line per reading.</summary>
internal sealed class FieldsView : TextOutputView
{
    private int _count;

    public FieldsView(Stream output)
        : base(output)
    {
    }

    public override void OnReading(MeterReading reading, long offset)
    {
        _count++;
        WriteLine(string.Create(CultureInfo.InvariantCulture, $"# reading {_count} at byte {offset} ({reading.Profile} profile, {reading.ListLength} list elements)"));
        WriteText("meter_manufacturer", reading.MeterManufacturer);
        WriteText("meter_id", reading.MeterId);
        WriteText("meter_type", reading.MeterType);
        WriteText("list_version", reading.ListVersion);
        WriteText("meter_time", reading.MeterTime?.ToString());
        WriteText("received", reading.Received is { } received ? ReceiveTime.ToText(received) : null);
        foreach (var (field, value) in reading.Values())
        {
            WriteLine($"{ReadingFieldInfo.Of(field).Key} = {Fields.Format(value, field)}");
        }

        foreach (var line in Fields.OtherLines(reading))
        {
            WriteLine(line);
        }

        WriteLine();
    }

    private void WriteText(string name, string? value)
    {
        if (value is not null)
        {
            WriteLine($"{name} = {value}");
        }
    }
}
