using System.CommandLine;
using System.CommandLine.Parsing;
using Han.Sources.Serial;

namespace Han.Cli.Commands;

/// <summary>
/// The serial options every command that reads a source shares (DESIGN.md §2.3): <c>--baud N|auto</c>,
/// <c>--parity</c>, <c>--data-bits</c>, <c>--stop-bits</c>. Settings left out take the values meters
/// use most (8 data bits, 1 stop bit; parity even at 2400 baud, none otherwise); <c>--baud auto</c>,
/// the default, finds the line setting from what arrives.
/// </summary>
internal sealed class SerialArguments
{
    public SerialArguments()
    {
        Baud = new Option<string>("--baud")
        {
            Description = $"Serial speed: {string.Join(", ", LineSettings.StandardBauds)}, or auto (default: try the settings meters use until frames with good checksums arrive).",
            DefaultValueFactory = _ => "auto",
        };
        Baud.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "auto" && !(int.TryParse(value, out var baud) && LineSettings.StandardBauds.Contains(baud)))
            {
                result.AddError($"--baud: '{value}' is not a standard speed; use one of {string.Join(", ", LineSettings.StandardBauds)}, or auto");
            }
        });
        Parity = new Option<string?>("--parity") { Description = "Parity: none, even or odd (default: even at 2400 baud, as Aidon, Kaifa and Landis+Gyr send; none otherwise)." };
        Parity.AcceptOnlyFromAmong("none", "even", "odd");
        DataBits = new Option<int?>("--data-bits") { Description = "Data bits: 7 or 8 (default 8; DSMR 2.2/3 P1 ports send 7)." };
        DataBits.AcceptOnlyFromAmong("7", "8");
        StopBits = new Option<int?>("--stop-bits") { Description = "Stop bits: 1 or 2 (default 1)." };
        StopBits.AcceptOnlyFromAmong("1", "2");
    }

    public Option<string> Baud { get; }

    public Option<string?> Parity { get; }

    public Option<int?> DataBits { get; }

    public Option<int?> StopBits { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Baud);
        command.Options.Add(Parity);
        command.Options.Add(DataBits);
        command.Options.Add(StopBits);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Baud) is null or "auto" && (result.GetValue(Parity) is not null || result.GetValue(DataBits) is not null || result.GetValue(StopBits) is not null))
            {
                result.AddError("--parity, --data-bits and --stop-bits need a speed: give --baud too (as in --baud 2400 --parity even), or leave them all out for auto-detection");
            }
        });
    }

    /// <summary>The line setting asked for, or null for auto-detection.</summary>
    public LineSettings? Read(ParseResult parse)
    {
        var baudText = parse.GetValue(Baud);
        if (baudText is null or "auto")
        {
            return null;
        }

        var baud = int.Parse(baudText, System.Globalization.CultureInfo.InvariantCulture);
        var parity = parse.GetValue(Parity) switch
        {
            "even" => LineParity.Even,
            "odd" => LineParity.Odd,
            "none" => LineParity.None,
            _ => baud == 2400 ? LineParity.Even : LineParity.None,
        };
        return new LineSettings(baud, parse.GetValue(DataBits) ?? 8, parity, parse.GetValue(StopBits) ?? 1);
    }
}
