using Han.Pipeline;
using Han.Readings;
using Han.TestCorpus;

namespace Han.Live.Tests;

/// <summary>The live state of one meter over real lists with receive times (issue 8, point 8).</summary>
public sealed class MeterStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 13, 0, 10, TimeSpan.Zero);

    [Fact]
    public void Add_AidonList1AfterList2_CarriesTheIdentityList2Gave()
    {
        var state = new MeterState(new MeterStateOptions());
        var list2 = Decode(Vectors.ById("amshan-aidon-no-list2").Input, Start);
        var list1 = Decode(Vectors.ById("amshan-aidon-no-list1").Input, Start.AddSeconds(2.5));
        Assert.Null(list1.MeterId);

        state.Add(list2);
        var live = state.Add(list1);

        Assert.Equal(list2.MeterId, live.Identity.MeterId);
        Assert.Equal("AIDON_V0001", live.Identity.ListVersion);
        Assert.Null(live.Reading.MeterId); // the reading itself stays as the meter sent it
        Assert.Equal(Start.AddSeconds(2.5), state.LastSeen);
    }

    [Fact]
    public void Add_CurrentTransformerMeter_ScalesPowerCurrentAndEnergyButNotVoltage()
    {
        var state = new MeterState(new MeterStateOptions { Scale = 40 });
        var reading = Decode(RealFrames.KamstrupList2, Start);

        var live = state.Add(reading);

        Assert.Equal(reading[ReadingField.ActivePowerImport] * 40, live.Reading[ReadingField.ActivePowerImport]);
        Assert.Equal(reading[ReadingField.CurrentL1] * 40, live.Reading[ReadingField.CurrentL1]);
        Assert.Equal(reading[ReadingField.VoltageL1], live.Reading[ReadingField.VoltageL1]);
        Assert.NotSame(reading, live.Reading);
    }

    [Fact]
    public void Add_HourlyListThenTenSecondLists_EstimatesFromTheRegisterByThePowerSent()
    {
        var state = new MeterState(new MeterStateOptions());
        var hourly = Decode(Vectors.ById("amsreader-kamstrup-no-em001-1-list2").Input, Start);
        var register = hourly[ReadingField.ActiveEnergyImport];
        Assert.NotNull(register);
        Assert.Equal(register, state.Add(hourly).ImportEstimate);

        // Ten-second lists (of another real Kamstrup) for 60 s: trapezoids from the hourly list's power.
        var tenSecondList = Vectors.ById("amsreader-kamstrup-no-gh862-3").Input;
        var first = hourly[ReadingField.ActivePowerImport]!.Value;
        var registerValue = register!.Value;
        var then = Decode(tenSecondList, Start)[ReadingField.ActivePowerImport]!.Value;
        Assert.Null(Decode(tenSecondList, Start)[ReadingField.ActiveEnergyImport]);
        LiveReading? last = null;
        for (var second = 10; second <= 60; second += 10)
        {
            last = state.Add(Decode(tenSecondList, Start.AddSeconds(second)));
        }

        var wattSeconds = ((first + then) / 2 * 10) + (then * 50);
        Assert.Equal(registerValue + (wattSeconds / 3600 / 1000), last!.ImportEstimate!.Value, 12);
    }

    private static MeterReading Decode(byte[] frame, DateTimeOffset received) => OneReading.Decode(frame, received);
}
