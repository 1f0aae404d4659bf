using System.Text.Json;
using Han.Integrations.HomeAssistant;
using Han.Live;
using Han.Live.Fanout;
using Han.Live.Tests;
using Han.Readings;
using Han.Simulation;
using Han.Simulation.Vendors;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// An hour and a bit of each simulated meter (every list it sends, encoded, decoded by the real
/// decoder, through the live state) into the sink: the device ends up with exactly the entities for the
/// values the meter sent, announced a handful of times, not once per reading.
/// </summary>
public sealed class SimulatedMeterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 50, 0, TimeSpan.Zero);

    public static TheoryData<string, int> Meters => new()
    {
        { "aidon", 3 },
        { "kaifa", 1 },
        { "kamstrup", 3 },
        { "landisgyr", 3 },
    };

    [Theory]
    [MemberData(nameof(Meters))]
    public async Task WriteAsync_AnHourOfASimulatedMeter_AnnouncesAnEntityForEveryValueItSentAndNoOther(string vendor, int phases)
    {
        var publisher = new KeepingPublisher();
        await using var sink = new HomeAssistantSink("house", new HomeAssistantOptions(), publisher);
        var state = new MeterState(new MeterStateOptions());
        using var simulator = new Simulator(new SimulationOptions { Vendor = MeterVendors.Find(vendor)!, Phases = phases, Start = Start, Seed = 7 });
        var sentKeys = new HashSet<string>();
        var readings = 0;
        foreach (var list in simulator.Transmissions().TakeWhile(t => t.Time < Start.AddMinutes(75)))
        {
            var reading = OneReading.Decode(list.Wire, list.Time);
            sentKeys.UnionWith(ReadingFieldInfo.Fields.Where(info => reading.Has(info.Field)).Select(info => info.Key));
            await sink.WriteAsync(new ReadingMade("house", list.Time, state.Add(reading)), default);
            readings++;
        }

        var last = publisher.Published[^1];
        using var payload = JsonDocument.Parse(last.Payload);
        var entityKeys = payload.RootElement.GetProperty("cmps").EnumerateObject()
            .Select(component => EntityCatalog.All.Single(e => e.Id == component.Name).Key).ToHashSet();

        var readingKeys = entityKeys.Where(key => ReadingFieldInfo.Fields.Any(info => info.Key == key)).ToHashSet();
        Assert.Equal(sentKeys.Order(), readingKeys.Order());
        Assert.Contains("active_energy_import", entityKeys); // the hourly list came
        Assert.Contains("active_energy_import_estimate", entityKeys);
        Assert.Equal(phases == 3, entityKeys.Contains("voltage_l3"));
        Assert.Equal("homeassistant/device/han_" + state.Identity.MeterId + "/config", last.Topic);
        Assert.InRange(publisher.Published.Count, 1, 4); // list 1, list 2, the hourly list: not one per reading
        Assert.True(readings > 300, $"{readings} readings");
    }
}
