using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;
using Han.Cli.Arguments;
using Han.Protocol.Dlms.Security;
using Han.Simulation;
using Han.Simulation.Faults;
using Han.Simulation.Vendors;
using Han.Sources.Serving;
using static Han.Cli.Arguments.CheckedOption;

namespace Han.Cli.Simulation;

/// <summary>
/// The options of <c>han simulate</c> (DESIGN.md §2.3), each checked at parse time: a bad value is
/// reported with the option, the value and what would be valid; a key's value is never repeated.
/// </summary>
internal sealed class SimulateArguments
{
    private readonly Option<string?> _meter = Text("--meter", "aidon", $"The meter to be: {string.Join(", ", MeterVendors.Keys)} (the Norwegian Landis+Gyr E350). Each sends its vendor's real lists at its real cadence.");
    private readonly Option<string?> _phases = Text("--phases", "3", "1 or 3 phases.");
    private readonly Option<string?> _grid = Text("--grid", "tn", "tn: 230/400 V with neutral (phase voltages, a 4-wire meter); it: 3x230 V without neutral (a 3-wire meter: line voltages, L2 as its vendor reports it).");
    private readonly Option<string?> _speed = Text("--speed", "1", "How fast the meter's clock runs: N times real time (1: real time; 3600: an hour a second) or max (no waiting: days of lists in seconds).");
    private readonly Option<string?> _start = Text("--start", null, $"The meter's clock at the start, ISO 8601 ({MeterTimeText.Examples}). Default: now.");
    private readonly Option<string?> _seed = Text("--seed", null, "A number (0 or more) that fixes the meter and its household: the same seed and options give the same bytes. Default: a random seed, printed at the start.");
    private readonly Option<string?> _duration = DurationOption.Create($"How much meter time to simulate (e.g. {DurationText.Examples}); the run ends then. Default: until Ctrl-C.");
    private readonly Option<string?> _faults = Text("--faults", null, $"Faults to inject: {FaultPlan.Syntax}. bad-crc: a flipped bit (FCS fails); truncated: a frame cut short; garbage: noise before a frame; disconnect: a frame cut off and 5-60 s of silence (TCP clients are disconnected); missing-hour: an hourly list not sent; repeated-hour: the previous hour's list sent again. Rates are per list (per hourly list for the last two).");
    private readonly Option<string?> _solar = Text("--solar", null, "Peak power of rooftop solar behind the meter, in kW (e.g. 6): the meter exports when the panels make more than the house uses. Default: none.");
    private readonly Option<string?> _key = Text("--key", null, "Send every list encrypted with this AES-128 key (general-glo-ciphering, security 0x20): 32 hex digits. han decode --key reads it. Never printed.");
    private readonly Option<string?> _authKey = Text("--auth-key", null, "With --key: also authenticate every list with this key (security 0x30, a 12-byte GCM tag): 32 hex digits.");
    private readonly Option<string?> _serve = Text("--serve", null, $"Serve the bytes to every TCP client, as ser2net does, at {TcpEndpoint.Form}. The meter starts when the first client connects; port 0 picks a free port, which is printed.");
    private readonly Option<string?> _pty = Text("--pty", null, "Write to a pseudo-terminal or serial device that exists, e.g. one end of: socat -d -d pty,raw,echo=0,link=/tmp/meter pty,raw,echo=0,link=/tmp/han (then read /tmp/han).");
    private readonly Option<string?> _capture = Text("--capture", null, "Write the lists to this file (made new) as a han capture instead, each with the time the meter sent it as its receive time, as fast as they are made (the speed does not apply): history for han import or han replay. Needs --duration.");
    private readonly Option<string?> _log = Text("--log", null, "Write what was sent to this file, one JSON line per list due: its time, meter clock, offset and length in the output, fault, and the reading its bytes carry.");

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_meter, _phases, _grid, _speed, _start, _seed, _duration, _faults, _solar, _key, _authKey, _serve, _pty, _capture, _log])
        {
            command.Options.Add(option);
        }

        Check(_meter, value => MeterVendors.Find(value) is not null, value => $"--meter: '{value}' is not a meter; use {string.Join(", ", MeterVendors.Keys)}.");
        Check(_phases, value => value is "1" or "3", value => $"--phases: '{value}' is not a number of phases; use 1 or 3.");
        Check(_grid, value => TryGrid(value, out _), value => $"--grid: '{value}' is not a grid; use tn or it.");
        CheckWith(_speed, value => (Pace.TryParse(value, out _, out var error), error));
        CheckWith(_start, value => (MeterTimeText.TryParse(value, out _, out var error), error));
        Check(_seed, value => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _), value => $"--seed: '{value}' is not a seed; use a whole number from 0 to {ulong.MaxValue}.");
        CheckWith(_faults, value => (FaultPlan.TryParse(value, out _, out var error), error));
        Check(_solar, value => TrySolar(value, out _), value => $"--solar: '{value}' is not a peak power; use kilowatts from 0 to 1000, e.g. 6 or 10.5.");
        CheckWith(_key, value => (EncryptionKey.TryFromHex(value, out _, out var error), error));
        CheckWith(_authKey, value => (AuthenticationKey.TryFromHex(value, out _, out var error), error));
        CheckWith(_serve, value => (TcpEndpoint.TryParse(value, out _, out var error), "--serve: " + error));
        command.Validators.Add(result =>
        {
            if (result.GetValue(_serve) is not null && result.GetValue(_pty) is not null)
            {
                result.AddError("--serve and --pty are two places to send to; give one of them (or neither, for standard output).");
            }

            if (result.GetValue(_capture) is not null && (result.GetValue(_serve) is not null || result.GetValue(_pty) is not null))
            {
                result.AddError("--capture writes the lists to a file; leave out --serve and --pty.");
            }

            if (result.GetValue(_capture) is not null && result.GetValue(_duration) is null)
            {
                result.AddError("--capture needs --duration (e.g. --duration 30d): a capture of an endless meter would fill the disk.");
            }

            if (result.GetValue(_authKey) is not null && result.GetValue(_key) is null)
            {
                result.AddError("--auth-key authenticates encrypted lists; give --key as well.");
            }
        });
    }

    public SimulateRequest Read(ParseResult parse, TimeProvider clock)
    {
        var start = parse.GetValue(_start) is { } text && MeterTimeText.TryParse(text, out var instant, out _) ? instant : clock.GetUtcNow();
        _ = TryGrid(parse.GetValue(_grid), out var grid);
        _ = TrySolar(parse.GetValue(_solar), out var solar);
        _ = Pace.TryParse(parse.GetValue(_speed), out var pace, out _);
        FaultPlan? faults = null;
        _ = parse.GetValue(_faults) is { } faultText && FaultPlan.TryParse(faultText, out faults, out _);
        var duration = DurationOption.Read(parse, _duration);
        System.Net.IPEndPoint? serve = null;
        _ = parse.GetValue(_serve) is { } serveText && TcpEndpoint.TryParse(serveText, out serve, out _);
        var options = new SimulationOptions
        {
            Vendor = MeterVendors.Find(parse.GetValue(_meter))!,
            Phases = parse.GetValue(_phases) == "1" ? 1 : 3,
            Grid = grid,
            Start = start,
            Seed = parse.GetValue(_seed) is { } seed ? ulong.Parse(seed, CultureInfo.InvariantCulture) : (ulong)RandomNumberGenerator.GetInt32(int.MaxValue),
            SolarPeakKilowatts = solar,
            Faults = faults ?? FaultPlan.None,
            Key = parse.GetValue(_key) is { } key ? EncryptionKey.FromHex(key) : null,
            AuthenticationKey = parse.GetValue(_authKey) is { } authKey ? AuthenticationKey.FromHex(authKey) : null,
        };
        return new SimulateRequest(options, parse.GetValue(_start) is null, pace, duration, serve, parse.GetValue(_pty), parse.GetValue(_log), parse.GetValue(_capture));
    }

    private static bool TryGrid(string? text, out Grid grid)
    {
        grid = string.Equals(text, "it", StringComparison.OrdinalIgnoreCase) ? Grid.It : Grid.Tn;
        return string.Equals(text, "it", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "tn", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TrySolar(string? text, out double kilowatts)
    {
        kilowatts = 0;
        return text is null
            || (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out kilowatts) && kilowatts is >= 0 and <= 1000);
    }
}
