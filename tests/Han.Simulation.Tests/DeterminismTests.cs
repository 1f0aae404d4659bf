using Han.Protocol.Dlms.Security;
using Han.Simulation.Faults;

namespace Han.Simulation.Tests;

public sealed class DeterminismTests
{
    private static readonly EncryptionKey Key = EncryptionKey.FromHex("000102030405060708090A0B0C0D0E0F");

    [Fact]
    public void SameSeed_SameBytes_EvenWithFaultsAndCiphering()
    {
        var options = Simulation.Options("kaifa") with { Faults = FaultPlan.Of((FaultKind.BadCrc, 0.1), (FaultKind.Garbage, 0.1), (FaultKind.Disconnect, 0.01)), Key = Key, SolarPeakKilowatts = 3 };

        var first = Simulation.For(options, TimeSpan.FromMinutes(30)).Stream;
        var second = Simulation.For(options, TimeSpan.FromMinutes(30)).Stream;

        Assert.True(first.Length > 10_000);
        Assert.Equal(first, second);
    }

    [Fact]
    public void OtherSeed_OtherMeterAndLoad()
    {
        var first = Simulation.For(Simulation.Options("aidon", seed: 1), TimeSpan.FromMinutes(10));
        var second = Simulation.For(Simulation.Options("aidon", seed: 2), TimeSpan.FromMinutes(10));

        Assert.NotEqual(first.Simulator.Identity.Id, second.Simulator.Identity.Id);
        Assert.NotEqual(first.Sent.Select(list => list.Measured), second.Sent.Select(list => list.Measured));
    }

    [Fact]
    public void Faults_DoNotChangeWhatTheMeterMeasures()
    {
        var clean = Simulation.For("aidon", TimeSpan.FromMinutes(30));
        var faulty = Simulation.For("aidon", TimeSpan.FromMinutes(30), faults: FaultPlan.Of((FaultKind.Truncated, 0.2), (FaultKind.Disconnect, 0.02)));

        Assert.Equal(clean.Sent.Select(list => list.Measured), faulty.Sent.Select(list => list.Measured));
        Assert.Contains(faulty.Sent, list => list.Fault is not null);
    }

    [Fact]
    public void LongerRun_StartsWithTheShorterOnesBytes()
    {
        var shortRun = Simulation.For("kamstrup", TimeSpan.FromMinutes(20)).Stream;
        var longRun = Simulation.For("kamstrup", TimeSpan.FromMinutes(40)).Stream;

        Assert.Equal(shortRun, longRun[..shortRun.Length]);
    }
}
