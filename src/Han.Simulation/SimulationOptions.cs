using Han.Protocol.Dlms.Security;
using Han.Simulation.Faults;
using Han.Simulation.Vendors;

namespace Han.Simulation;

/// <summary>Everything that fixes a simulated meter's output; the same options give the same bytes.</summary>
public sealed record SimulationOptions
{
    public required MeterVendor Vendor { get; init; }

    /// <summary>1 or 3.</summary>
    public int Phases { get; init; } = 3;

    public Grid Grid { get; init; } = Grid.Tn;

    /// <summary>The instant the meter's clock starts at.</summary>
    public required DateTimeOffset Start { get; init; }

    public ulong Seed { get; init; }

    /// <summary>Peak power of rooftop solar behind the meter, kW; 0 for none.</summary>
    public double SolarPeakKilowatts { get; init; }

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>When set, every list is sent as general-glo-ciphering with this key.</summary>
    public EncryptionKey? Key { get; init; }

    /// <summary>With <see cref="Key"/>: lists are also authenticated (security 0x30 instead of 0x20).</summary>
    public AuthenticationKey? AuthenticationKey { get; init; }
}
