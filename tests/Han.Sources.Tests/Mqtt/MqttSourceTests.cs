using System.Text;
using Han.Sources.Live;
using Han.Sources.Mqtt;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Sources.Tests.Mqtt;

/// <summary>
/// The MQTT source against a real mosquitto, fed by a real <c>mosquitto_pub</c> in each form other HAN
/// readers publish (integrations.md §3), with real frames of the corpus decoded to their stated values.
/// </summary>
public sealed class MqttSourceTests
{
    private const string Topic = "pulse/publish";

    /// <summary>The verified Tibber Pulse list-1 example from a Kaifa (integrations.md §3.2): 4406 W.</summary>
    private const string PulseKaifaList1 = "7ea027010201105a87e6e7000f40000000090c07e60c1a0109280cff80000002010600001136513a7e";

    public static TheoryData<string, string> Forms() => new()
    {
        { "binary frame (Tibber Pulse)", "hassams-aidon-no-list2" },
        { "binary frame without its flags", "hassams-kamstrup-no-list1" },
        { "hex frame (amsreader HEX dump)", "amsreader-kamstrup-no-gh862-3" },
        { "lower-case hex frame with spaces", "amsreader-aidon-no-gh1119-1-list3" },
        { "binary LLC message", "amshan-kaifa-no-list2" },
        { "hex LLC message", "amshan-aidon-no-list2" },
        { "hex bare APDU", "amsreader-kamstrup-dk-bornholm-apdu-5digit-voltage" },
        { "P1 telegram", "amsreader-kamstrup-p1-gh699-1" },
        { "frame in a Pulse envelope", "hassams-kaifa-ma304h3e-no-list2" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task ReadAsync_FormPublishedByMosquittoPub_DecodesToTheStatedValues(string form, string id)
    {
        var vector = Vectors.ById(id);
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker), vector.Country);
        await run.WaitForConnectionsAsync(1);

        MosquittoPublish.Bytes(broker, Topic, Payload(form, vector));

        var reading = Assert.Single(await run.WaitForReadingsAsync(1));
        var mismatches = ExpectedValues.Mismatches(vector, reading);
        Assert.True(mismatches.Count == 0, $"{form}: {string.Join(Environment.NewLine, mismatches)}");
    }

    [Fact]
    public async Task ReadAsync_PulseKaifaExampleAsBinaryAndHexText_DecodesBoth()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);

        MosquittoPublish.Bytes(broker, Topic, Convert.FromHexString(PulseKaifaList1));
        MosquittoPublish.Text(broker, Topic, PulseKaifaList1.ToUpperInvariant());

        var readings = await run.WaitForReadingsAsync(2);
        Assert.All(readings, r => Assert.Equal(4406m, r.GetProperty("active_power_import").GetDecimal()));
        Assert.All(run.Chunks, chunk => Assert.True(chunk.WholeMessage));
    }

    [Fact]
    public async Task ReadAsync_OnlyDataElements_DecodesThem()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);

        MosquittoPublish.Text(broker, Topic, "0201060000023A"); // amsreader 2.1.14-2.2, Kaifa list 1 (integrations.md §3.3)

        Assert.Equal(570m, Assert.Single(await run.WaitForReadingsAsync(1)).GetProperty("active_power_import").GetDecimal());
    }

    [Fact]
    public async Task ReadAsync_FramesAndTheirDataElements_DecodesEachListOnceAndSaysWhy()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);

        // amsreader 2.3-2.4 publishes each list twice: the frame, then its data element.
        for (var i = 0; i < 2; i++)
        {
            MosquittoPublish.Text(broker, Topic, PulseKaifaList1.ToUpperInvariant());
            MosquittoPublish.Text(broker, Topic, "02010600001136");
        }

        MosquittoPublish.Text(broker, Topic, "{\"end\":1}");
        await run.WaitUntilAsync(() => run.Events.Any(e => e.Message.Contains("skipping JSON", StringComparison.Ordinal)), "the JSON note");
        Assert.Equal(2, run.Decoded.Snapshot().Length);
        Assert.Single(run.Events, e => e.Message.Contains("skipping the bare data elements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_JsonAndDebugPayloads_SkipsThemWithOneLineEach()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);

        for (var i = 0; i < 3; i++)
        {
            MosquittoPublish.Text(broker, Topic, "{\"status\":{\"hwmodel\":\"TLC01\",\"Build\":\"1.0.8\",\"crcerr\":0}}");
            MosquittoPublish.Text(broker, Topic, "Debug: Unknown command 'x'");
        }

        MosquittoPublish.Bytes(broker, Topic, Convert.FromHexString(PulseKaifaList1));

        Assert.Single(await run.WaitForReadingsAsync(1));
        Assert.Single(run.Events, e => e.Message.Contains("skipping JSON on 'pulse/publish'", StringComparison.Ordinal));
        Assert.Single(run.Events, e => e.Message.Contains("skipping the Tibber Pulse's 'Debug: ...' messages", StringComparison.Ordinal));
        Assert.Empty(run.Decoded.Problems);
    }

    [Fact]
    public async Task ReadAsync_BatchedPulseEnvelope_SaysOnceHowToTurnBatchingOff()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);

        byte[] envelope = [0x08, 0xDC, 0xD9, 0x02, 0x18, 0x01, 0x12, 0x30, 0x09, 0x11, 0x22, 0x7E, 0xA0, 0x27, 0x00, 0x00, 0xFF, 0xFF];
        MosquittoPublish.Bytes(broker, Topic, envelope);
        MosquittoPublish.Bytes(broker, Topic, envelope);
        MosquittoPublish.Bytes(broker, Topic, Convert.FromHexString(PulseKaifaList1));

        Assert.Single(await run.WaitForReadingsAsync(1));
        Assert.Contains("batching_disable", Assert.Single(run.Events, e => e.Message.Contains("batched", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RetainedOldMessage_IsSkipped()
    {
        using var broker = new MosquittoBroker();
        MosquittoPublish.Bytes(broker, Topic, Convert.FromHexString(PulseKaifaList1), retain: true);
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);

        await run.WaitUntilAsync(() => run.Events.Any(e => e.Message.Contains("skipping the retained message", StringComparison.Ordinal)), "the retained note");
        MosquittoPublish.Text(broker, Topic, "0201060000023A");

        Assert.Equal(570m, Assert.Single(await run.WaitForReadingsAsync(1)).GetProperty("active_power_import").GetDecimal());
    }

    [Fact]
    public async Task ReadAsync_BrokerStoppedAndStartedAgain_ReconnectsResubscribesAndDecodesWhatComesAfter()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker));
        await run.WaitForConnectionsAsync(1);
        MosquittoPublish.Bytes(broker, Topic, Convert.FromHexString(PulseKaifaList1));
        await run.WaitForReadingsAsync(1);

        broker.Stop();
        await run.WaitUntilAsync(() => run.Events.Any(e => e.State == SourceState.Disconnected), "the lost connection");
        await Task.Delay(1500); // several attempts while the broker is away
        broker.Start();
        await run.WaitForConnectionsAsync(2);
        MosquittoPublish.Text(broker, Topic, PulseKaifaList1);

        var readings = await run.WaitForReadingsAsync(2);
        Assert.Equal(4406m, readings[1].GetProperty("active_power_import").GetDecimal());
        Assert.True(run.Chunks[^1].AfterBreak);
        Assert.Contains(run.Events, e => e.State == SourceState.Disconnected && e.Message.Contains("lost the connection to mqtt://127.0.0.1", StringComparison.Ordinal));
        // Many attempts failed the same way while the broker was away: said once, not per attempt.
        var refused = run.Events.Where(e => e.State == SourceState.Disconnected && e.Message.Contains("connection refused", StringComparison.Ordinal)).ToList();
        Assert.True(refused.Count <= 1, string.Join(Environment.NewLine, refused.Select(e => e.Message)));
    }

    [Fact]
    public async Task ReadAsync_WrongPassword_EndsWithAClearMessageThatHidesThePassword()
    {
        using var broker = new MosquittoBroker(new Dictionary<string, string> { ["han"] = "right-one" });
        var address = Address(broker) with { User = "han", Password = "wrong-one" };
        await using var run = new SourceRun(address);

        var refused = await Assert.ThrowsAsync<SourceUnavailableException>(() => run.Reading);

        Assert.Contains("the broker refused the user name 'han' or its password", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-one", refused.Message + string.Join('\n', run.Events.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RightPassword_ReadsAndNeverShowsIt()
    {
        using var broker = new MosquittoBroker(new Dictionary<string, string> { ["han"] = "right-one", ["pulse"] = "pulse-pw" });
        await using var run = new SourceRun(Address(broker) with { User = "han", Password = "right-one" });
        await run.WaitForConnectionsAsync(1);

        MosquittoPublish.Bytes(broker, Topic, Convert.FromHexString(PulseKaifaList1), user: "pulse", password: "pulse-pw");

        Assert.Single(await run.WaitForReadingsAsync(1));
        Assert.DoesNotContain("right-one", run.Source.Description + string.Join('\n', run.Events.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WildcardTopic_ReadsEveryMatchingTopicAndNamesIt()
    {
        using var broker = new MosquittoBroker();
        await using var run = new SourceRun(Address(broker) with { Topic = "ams/+/raw" });
        await run.WaitForConnectionsAsync(1);

        MosquittoPublish.Text(broker, "ams/house/raw", PulseKaifaList1);

        Assert.Single(await run.WaitForReadingsAsync(1));
        Assert.Contains(run.Events, e => e.Message.Contains("from 'ams/house/raw' (of 'ams/+/raw')", StringComparison.Ordinal));
    }

    private static MqttSourceAddress Address(MosquittoBroker broker) => new(broker.Host, broker.Port, Topic, Tls: false);

    /// <summary>The vector's bytes in the form a reader would publish them.</summary>
    private static byte[] Payload(string form, VectorCase vector) => form switch
    {
        "binary frame without its flags" => vector.Input[1..^1],
        "hex frame (amsreader HEX dump)" or "hex LLC message" or "hex bare APDU" => Encoding.ASCII.GetBytes(vector.InputHex.ToUpperInvariant()),
        "lower-case hex frame with spaces" => Encoding.ASCII.GetBytes(string.Join(' ', vector.InputHex.ToLowerInvariant().Chunk(8).Select(c => new string(c))) + "\n"),
        "frame in a Pulse envelope" => [0x08, 0xDC, 0xD9, 0x02, 0x18, 0x01, 0x12, 0x7E, 0x09, .. vector.Input, 0x20, 0xC0, 0x05],
        _ => vector.Input,
    };
}
