using Han.Simulation.Load;
using Han.Simulation.Time;
using Han.Simulation.Vendors;

namespace Han.Simulation.Faults;

/// <summary>
/// Decides, list by list, which fault (if any) strikes, and damages the bytes accordingly. Each kind
/// draws from its own random source at every chance it has, whatever the others do, so turning one
/// fault on never moves another; at most one fault strikes a list (the first in <see cref="FaultKind"/> order).
/// </summary>
public sealed class FaultInjector
{
    private readonly FaultPlan _plan;
    private readonly Dictionary<FaultKind, SimRandom> _draws;
    private readonly SimRandom _damage;
    private readonly int _informationStart;

    /// <param name="plan">The rates.</param>
    /// <param name="random">This injector's source; nothing else draws from it.</param>
    /// <param name="addressing">The vendor's HDLC header, to find where the information field starts.</param>
    public FaultInjector(FaultPlan plan, SimRandom random, Encoding.HdlcAddressing addressing)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(addressing);
        _plan = plan;
        _draws = Enum.GetValues<FaultKind>().ToDictionary(kind => kind, kind => random.Fork((ulong)kind + 1));
        _damage = random.Fork(0);
        _informationStart = 1 + 2 + addressing.Destination.Length + addressing.Source.Length + 1 + 2;
    }

    /// <summary>The line is silent after a disconnect until this instant.</summary>
    public DateTimeOffset SilentUntil { get; private set; } = DateTimeOffset.MinValue;

    public bool IsSilent(DateTimeOffset time) => time < SilentUntil;

    /// <summary>The fault that strikes <paramref name="list"/>, or null.</summary>
    public FaultKind? Decide(ScheduledList list, bool canRepeatHour)
    {
        FaultKind? chosen = null;
        if (list.Kind == ListKind.Hourly)
        {
            chosen = Strikes(FaultKind.MissingHour, chosen);
            chosen = canRepeatHour ? Strikes(FaultKind.RepeatedHour, chosen) : chosen;
        }

        foreach (var kind in (ReadOnlySpan<FaultKind>)[FaultKind.Disconnect, FaultKind.BadCrc, FaultKind.Truncated, FaultKind.Garbage])
        {
            chosen = Strikes(kind, chosen);
        }

        return chosen;
    }

    /// <summary>A frame with one bit of its information field flipped: HCS good, FCS bad.</summary>
    public byte[] FlipBit(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var damaged = (byte[])frame.Clone();
        var position = _damage.Between(_informationStart, frame.Length - 3);
        damaged[position] ^= (byte)(1 << _damage.Between(0, 8));
        return damaged;
    }

    /// <summary>The first quarter to three quarters of a frame: the rest never comes.</summary>
    public byte[] Cut(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return frame[..Math.Max(3, _damage.Between(frame.Length / 4, (frame.Length * 3 / 4) + 1))];
    }

    /// <summary>
    /// 8-64 bytes of noise. Noise holds no flag byte here, so each burst is exactly one run of skipped
    /// bytes for a test to account for; how a flag inside noise is handled is the decoder's own tests' matter.
    /// </summary>
    public byte[] Noise()
    {
        var noise = new byte[_damage.Between(8, 65)];
        for (var i = 0; i < noise.Length; i++)
        {
            do
            {
                noise[i] = (byte)_damage.Between(0, 256);
            }
            while (noise[i] == 0x7E);
        }

        return noise;
    }

    /// <summary>Starts the silence after a disconnect at <paramref name="time"/>: 5 to 60 seconds.</summary>
    public void GoSilent(DateTimeOffset time) => SilentUntil = time + TimeSpan.FromSeconds(_damage.Between(5, 61));

    private FaultKind? Strikes(FaultKind kind, FaultKind? chosen)
    {
        var rate = _plan.RateOf(kind);
        if (rate <= 0)
        {
            return chosen;
        }

        var strikes = _draws[kind].Chance(rate);
        return chosen ?? (strikes ? kind : null);
    }
}
