using Han.Simulation.Time;
using Han.Simulation.Vendors;

namespace Han.Simulation.Tests;

/// <summary>Each vendor sends its lists when norway-lists.md says it does.</summary>
public sealed class CadenceTests
{
    private static readonly DateTimeOffset Start = Simulation.WinterMorning; // 06:59:00, a minute before the hour

    [Theory]
    [InlineData("aidon", 2.5)] // norway-lists.md §3
    [InlineData("kaifa", 2.0)] // norway-lists.md §4, the KFM_001 sheet
    public void AidonAndKaifa_List1EveryFewSeconds_List2Every10_List3At0010InPlaceOfList2(string vendor, double list1Seconds)
    {
        var sent = Simulation.For(vendor, TimeSpan.FromMinutes(2)).Sent;

        Assert.Equal((int)(120 / list1Seconds), sent.Count);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(list1Seconds), pair.Second.Time - pair.First.Time));
        Assert.Equal([Start.AddSeconds(70)], Times(sent, ListKind.Hourly));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => Start.AddSeconds(10 * i)).Where(time => time != Start.AddSeconds(70)), Times(sent, ListKind.Full));
        Assert.Equal("07:00:10", Assert.Single(sent, list => list.Kind == ListKind.Hourly).LocalTime.ToString("HH:mm:ss", null));
    }

    [Fact]
    public void Kamstrup_FullListEvery10Seconds_HourlyAt0005InAddition()
    {
        var sent = Simulation.For("kamstrup", TimeSpan.FromMinutes(2)).Sent;

        Assert.Empty(Times(sent, ListKind.Power));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => Start.AddSeconds(10 * i)), Times(sent, ListKind.Full));
        Assert.Equal([Start.AddSeconds(65)], Times(sent, ListKind.Hourly));
    }

    [Theory]
    [InlineData("aidon", 10)]
    [InlineData("kaifa", 10)]
    [InlineData("kamstrup", 5)]
    [InlineData("landisgyr", 10)]
    public void AnyVendor_ADay_HasOneHourlyListEachHourAtItsSecond(string vendor, int second)
    {
        var start = new DateTimeOffset(2025, 2, 3, 0, 0, 0, TimeSpan.FromHours(1));
        var schedule = ListSchedule.From(MeterVendors.Find(vendor)!.Cadence, start).TakeWhile(list => list.Time < start.AddDays(1));

        var hourly = schedule.Where(list => list.Kind == ListKind.Hourly).Select(list => list.Time);

        Assert.Equal(Enumerable.Range(0, 24).Select(hour => start.AddHours(hour).AddSeconds(second)), hourly);
    }

    [Fact]
    public void Schedule_StartBetweenSlots_BeginsAtTheNextSlot()
    {
        var options = Simulation.Options("aidon", start: Start.AddSeconds(1.2));

        var first = Simulation.For(options, TimeSpan.FromSeconds(5)).Sent[0];

        Assert.Equal(Start.AddSeconds(2.5), first.Time);
        Assert.Equal(ListKind.Power, first.Kind);
    }

    private static List<DateTimeOffset> Times(IEnumerable<Transmission> sent, ListKind kind) =>
        [.. sent.Where(list => list.Kind == kind).Select(list => list.Time)];
}
