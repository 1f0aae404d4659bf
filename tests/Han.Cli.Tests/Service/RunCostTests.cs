using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Han.Integrations.Prices;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Service;

/// <summary><c>han run</c> with <c>prices:</c>, <c>grid:</c> and MQTT, as a real process: the cost of each meter on <c>han/&lt;meter&gt;/cost</c>.</summary>
public sealed class RunCostTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-cost-").FullName;

    [Fact]
    public async Task Run_PricesGridAndMqtt_PublishesTheCostRetainedWithTheStepAndTheAlert()
    {
        var (start, end) = DeliveryDay.Bounds(DeliveryDay.Of(DateTimeOffset.UtcNow));
        var csv = new StringBuilder("start,nok_per_kwh\n");
        for (var at = start; at < end; at = at.AddMinutes(15))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ssZ},0.5\n");
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "prices.csv"), csv.ToString());
        using var broker = new MosquittoBroker();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"meters:\n  - name: house\n    source: tcp://127.0.0.1:{LoopbackPort.Free()}\nstorage:\n  sqlite: {_folder}/history.db\n"
            + $"prices:\n  zone: NO1\n  file: {_folder}/prices.csv\ngrid:\n  company: elvia\n  step_alert: true\n");
        using var subscriber = new MosquittoSubscriber(broker, ["han/house/cost"]);

        var service = Shell.Start($"exec \"$HAN\" run --config {config} --mqtt {broker.Host}:{broker.Port}", _folder, timeoutSeconds: 120);
        await subscriber.WaitForTopicAsync("han/house/cost", TimeSpan.FromSeconds(60));
        using var later = new MosquittoSubscriber(broker, ["han/house/cost"]); // what a client subscribing later finds
        var message = await later.WaitForTopicAsync("han/house/cost");
        service.Signal("TERM");
        var stopped = await service.Completion;

        Assert.Equal(0, stopped.ExitCode);
        Assert.True(message.Retained);
        var cost = JsonNode.Parse(message.Payload)!.AsObject();
        Assert.Equal("house", cost["meter"]!.GetValue<string>());
        // Nothing read this month: the bottom step of Elvia's tariff, and the whole step's room left in this hour.
        Assert.Equal("0-2 kWh/h", cost["capacity_step"]!.GetValue<string>());
        Assert.Equal(2m, cost["headroom_kwh"]!.GetValue<decimal>());
        Assert.False(cost["step_at_risk"]!.GetValue<bool>());
        Assert.Equal(0m, cost["hour_import_kwh"]!.GetValue<decimal>());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
