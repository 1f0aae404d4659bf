using System.Text.Json;
using Han.Integrations.HomeAssistant;
using Han.Integrations.Tests.Mqtt;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.HomeAssistant;

/// <summary>
/// A restart of han must not shrink a device in Home Assistant: after the restart a meter first sends
/// only its fast lists (the registers come with the hourly list), and an announcement made of those
/// alone would take the energy entities away until the next hour. Real mosquitto, han's real
/// connection, the janitor and the sink as <c>han run</c> wires them; mosquitto_sub sees every config.
/// </summary>
public sealed class DiscoveryAfterRestartTests
{
    private const string Configs = "homeassistant/device/+/config";
    private const string CabinTopic = "homeassistant/device/han_5705705705705702/config";
    private const string FastList = "amshan-kamstrup-no-list1-1ph-real";
    private const string HourlyList = "amshan-kamstrup-no-list2-1ph-real";

    [Fact]
    public async Task Sink_RestartWithOnlyTheFastListYet_EveryAnnouncementKeepsTheRegisters()
    {
        using var broker = new MosquittoBroker();
        var before = await RunAsync(broker, [FastList, HourlyList], expected: ["e_imp", "eq_imp"]);
        Assert.Contains("e_imp", before);

        using var witness = new MosquittoSubscriber(broker, [Configs]);
        var retained = await witness.WaitForTopicAsync(CabinTopic);
        Assert.True(retained.Retained);

        // The second run sees only fast lists, from the moment it starts: an announcement made before
        // the retained config came back would lack the registers.
        var after = await RunAsync(broker, [FastList], expected: []);

        var announcedAfterRestart = witness.Messages.Where(m => m.Topic == CabinTopic && !m.Retained).ToList();
        Assert.NotEmpty(announcedAfterRestart);
        foreach (var announcement in announcedAfterRestart)
        {
            Assert.Superset(before.ToHashSet(), ComponentIds(announcement.Payload).ToHashSet());
        }

        Assert.Equal(before.Order(), after.Order());
    }

    [Fact]
    public async Task Sink_RetainedConfigWithRemovedAndUnknownComponents_KeepsOnlyTheLiveKnownOnes()
    {
        using var broker = new MosquittoBroker();
        // As a user might have left it: the voltage of L3 taken away ({"p":"sensor"} alone), and a component
        // of some later han this one does not know.
        const string Earlier = """
            {"o":{"name":"han"},"stat_t":"han/cabin/state","cmps":{
            "e_imp":{"p":"sensor","uniq_id":"han_5705705705705702_e_imp"},
            "u_l3":{"p":"sensor"},
            "zz_later":{"p":"sensor","uniq_id":"han_5705705705705702_zz_later"}}}
            """;
        HomeAssistantSinkTests.PublishWithMosquittoPub(broker, CabinTopic, Earlier.ReplaceLineEndings(string.Empty), retain: true);

        var announced = await RunAsync(broker, [FastList], expected: ["e_imp"]);

        Assert.Contains("e_imp", announced);
        Assert.DoesNotContain("u_l3", announced);
        Assert.DoesNotContain("zz_later", announced);
        Assert.Contains("p_imp", announced); // what the fast list itself carries
    }

    /// <summary>
    /// One run of han: connects, feeds the lists one after another every 50 ms from the start (as a meter
    /// does, whether or not the broker has answered yet) until the retained config on the broker holds
    /// every id of <paramref name="expected"/>, then stops cleanly. Returns the components of the last config.
    /// </summary>
    private static async Task<IReadOnlyList<string>> RunAsync(MosquittoBroker broker, string[] lists, string[] expected)
    {
        var options = new HomeAssistantOptions { ConfiguredMeters = ["cabin"], RetainedConfigsSettle = TimeSpan.FromMilliseconds(500) };
        await using var han = new ConnectionUnderTest(broker);
        using var janitor = new DiscoveryJanitor(options, han.Connection);
        await using var sink = new HomeAssistantSink("cabin", options, han.Connection, janitor: janitor);
        using var subscriber = new MosquittoSubscriber(broker, [CabinTopic]);
        han.Connection.Start();

        var feed = new MeterFeed("cabin");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; ; i++)
        {
            await sink.WriteAsync(feed.Reading(lists[Math.Min(i, lists.Length - 1)], i * 2.5), default);
            var last = subscriber.Messages.LastOrDefault(m => m.Topic == CabinTopic && !m.Retained);
            if (last is not null && !expected.Except(ComponentIds(last.Payload)).Any() && i >= lists.Length)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no announcement with {string.Join(", ", expected)} within 30 s; reported: {string.Join(" | ", han.Reports.Select(r => r.Text))}");
            await Task.Delay(50);
        }

        await han.Connection.CloseAsync(TimeSpan.FromSeconds(5));
        return ComponentIds(subscriber.Messages.Last(m => m.Topic == CabinTopic && !m.Retained).Payload);
    }

    private static List<string> ComponentIds(string payload)
    {
        using var config = JsonDocument.Parse(payload);
        return [.. config.RootElement.GetProperty("cmps").EnumerateObject().Select(c => c.Name)];
    }
}
