using Han.Readings;
using Han.Simulation.Encoding;
using Han.Simulation.Faults;
using Han.Simulation.Load;
using Han.Simulation.Meters;
using Han.Simulation.Time;
using Han.Simulation.Vendors;

namespace Han.Simulation;

/// <summary>
/// The simulated meter: at each list its vendor's cadence calls for, the household's load becomes
/// currents, voltages and powers, the registers integrate the powers reported, the list is composed,
/// encoded (and ciphered) as the vendor does, and perhaps damaged. A pure function of its options: it
/// waits for nothing and writes nothing; <see cref="SimulationRunner"/> paces and delivers.
/// </summary>
public sealed class Simulator : IDisposable
{
    private readonly SimulationOptions _options;
    private readonly Household _household;
    private readonly Supply _supply;
    private readonly EnergyRegisters _registers;
    private readonly ListComposer _composer;
    private readonly FaultInjector _faults;
    private readonly GlobalCiphering? _ciphering;
    private readonly FrameEncoder _encoder;
    private bool _started;

    public Simulator(SimulationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Phases is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Phases, "a meter has 1 or 3 phases");
        }

        var random = new SimRandom(options.Seed);
        _household = new Household(random.Fork(1), options.Phases == 1 ? 1 : 3, options.SolarPeakKilowatts);
        _supply = new Supply(random.Fork(2));
        Identity = MeterIdentity.Create(options.Vendor, options.Phases, options.Grid, random.Fork(3));
        InitialRegisters = InitialEnergy(random.Fork(4), options.SolarPeakKilowatts > 0);
        _registers = new EnergyRegisters(InitialRegisters);
        _composer = new ListComposer(options.Vendor, options.Phases, options.Grid, Identity);
        _faults = new FaultInjector(options.Faults, random.Fork(5), options.Vendor.Addressing);
        if (options.Key is not null)
        {
            _ciphering = new GlobalCiphering(options.Key, options.AuthenticationKey, Identity.SystemTitle, (uint)random.Fork(6).Between(1, 1_000_000));
        }

        _encoder = new FrameEncoder(options.Vendor, _ciphering);
    }

    public MeterIdentity Identity { get; }

    /// <summary>A+, A-, R+, R- at the start, in W·ms: the registers' integral starts here.</summary>
    public IReadOnlyList<long> InitialRegisters { get; }

    /// <summary>Every list from the start on, in time order; endless, so take what you need. Once per simulator: the meter's state moves on as it is read.</summary>
    public IEnumerable<Transmission> Transmissions()
    {
        if (_started)
        {
            throw new InvalidOperationException("a simulator runs once; make another for another run (the same options give the same lists)");
        }

        _started = true;
        return Run();
    }

    private IEnumerable<Transmission> Run()
    {
        var sequence = 0L;
        var offset = 0L;
        DateTimeOffset? last = null;
        var lastPower = default(MeasuredPower);
        var captured = _registers.Snapshot();
        MeterReading? previousHourly = null;
        foreach (var list in ListSchedule.From(_options.Vendor.Cadence, _options.Start))
        {
            if (last is { } since)
            {
                captured = Integrate(since, list.Time, lastPower) ?? captured;
            }

            var values = ElectricalModel.Measure(_household.Sample(list.Time), _supply.At(list.Time), _options.Phases, _options.Grid);
            var power = MeasuredPower.Of(values);
            var content = _composer.Compose(list, values, power, captured);
            var due = new Transmission { Sequence = ++sequence, Time = list.Time, Kind = list.Kind, Content = content, Measured = power, Offset = offset };
            var transmission = Transmit(due, previousHourly);
            offset += transmission.Wire.Length;
            (last, lastPower) = (list.Time, power);
            previousHourly = list.Kind == ListKind.Hourly ? content : previousHourly;
            yield return transmission;
        }
    }

    public void Dispose() => _ciphering?.Dispose();

    /// <summary>Adds the power held since <paramref name="from"/>; the registers at a full hour passed on the way, if any.</summary>
    private EnergyRegisters? Integrate(DateTimeOffset from, DateTimeOffset to, MeasuredPower power)
    {
        EnergyRegisters? captured = null;
        var hour = new DateTimeOffset((from.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour) + TimeSpan.TicksPerHour, TimeSpan.Zero);
        for (; hour <= to; hour = hour.AddHours(1))
        {
            _registers.Add(power, Milliseconds(hour - from));
            captured = _registers.Snapshot();
            from = hour;
        }

        _registers.Add(power, Milliseconds(to - from));
        return captured;
    }

    /// <summary>The list <paramref name="entry"/> is due to send, as it goes on the wire, perhaps struck by a fault.</summary>
    private Transmission Transmit(Transmission entry, MeterReading? previousHourly)
    {
        var list = new ScheduledList(entry.Time, entry.Kind);
        var content = entry.Content;
        if (_faults.IsSilent(list.Time))
        {
            return entry with { Fault = FaultKind.Disconnect };
        }

        var fault = _faults.Decide(list, previousHourly is not null);
        switch (fault)
        {
            case FaultKind.MissingHour:
                return entry with { Fault = fault };
            case FaultKind.RepeatedHour:
                return entry with { Fault = fault, Expected = previousHourly, Wire = _encoder.Frame(previousHourly!) };
        }

        var frame = _encoder.Frame(content);
        switch (fault)
        {
            case FaultKind.Disconnect:
                _faults.GoSilent(list.Time);
                return entry with { Fault = fault, Wire = frame[..(frame.Length / 2)], DropsConnection = true };
            case FaultKind.BadCrc:
                return entry with { Fault = fault, Wire = _faults.FlipBit(frame) };
            case FaultKind.Truncated:
                return entry with { Fault = fault, Wire = _faults.Cut(frame) };
            case FaultKind.Garbage:
                var noise = _faults.Noise();
                return entry with { Fault = fault, Wire = [.. noise, .. frame], FrameStart = noise.Length, Expected = content };
            default:
                return entry with { Expected = content, Wire = frame };
        }
    }

    private static long Milliseconds(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMillisecond;

    /// <summary>Registers a meter some years in service might show; export only with solar.</summary>
    private static long[] InitialEnergy(SimRandom random, bool solar)
    {
        static long WattHours(double kilowattHours) => (long)(kilowattHours * 1000 * EnergyRegisters.WattMillisecondsPerWattHour);
        return
        [
            WattHours(random.Between(5_000.0, 80_000.0)),
            solar ? WattHours(random.Between(100.0, 5_000.0)) : 0,
            WattHours(random.Between(100.0, 3_000.0)),
            WattHours(random.Between(500.0, 20_000.0)),
        ];
    }
}
