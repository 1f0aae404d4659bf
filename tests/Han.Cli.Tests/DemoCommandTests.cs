using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Han.Storage;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests;

/// <summary>han demo as a user starts it: a process, on a free port, stopped by a signal.</summary>
public sealed partial class DemoCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-demo-test-").FullName;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Demo_FreePort_ServesFourWeeksAndTheLiveMeterAndStopsOnSignalWithExitCode0(string signal)
    {
        var port = LoopbackPort.Free();
        var demo = Shell.Start($"exec \"$HAN\" demo --port {port}", _folder, timeoutSeconds: 240);
        await demo.WaitForErrorAsync($"web server on http://127.0.0.1:{port}/", timeoutSeconds: 180);
        using var web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };

        var meters = JsonNode.Parse(await web.GetStringAsync("api/meters"))!.AsArray();
        var history = JsonNode.Parse(await web.GetStringAsync("api/history"))!.AsObject();
        var (from, to) = (Day(DateTimeOffset.UtcNow.AddDays(-35)), Day(DateTimeOffset.UtcNow.AddDays(2)));
        var days = JsonNode.Parse(await web.GetStringAsync($"api/meters/house/energy?resolution=day&from={from}&to={to}"))!.AsObject();
        var capacity = JsonNode.Parse(await web.GetStringAsync("api/meters/house/capacity"))!.AsObject();
        var cost = JsonNode.Parse(await web.GetStringAsync("api/meters/house/cost"))!.AsObject();
        var live = await FirstLiveReadingAsync(web);
        var storedDays = await ReadDaysAsync(demo);
        demo.Signal(signal);
        var result = await demo.Completion;

        Assert.Equal("house", Assert.Single(meters)!["name"]!.GetValue<string>());
        Assert.Equal("house", Assert.Single(history["meters"]!.AsArray())!.GetValue<string>());
        Assert.InRange(DateTimeOffset.Parse(history["first"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddDays(-29), DateTimeOffset.UtcNow.AddDays(-27));
        Assert.True(live.ContainsKey("active_power_import"), live.ToJsonString());
        // Four weeks before today: 28 or 29 local days begun (the first one partly), and today's so far.
        var dayImports = days["import_kwh"]!.AsArray().Select(kwh => kwh!.GetValue<decimal>()).ToList();
        Assert.InRange(dayImports.Count, 28, 30);
        Assert.All(dayImports.Skip(1).SkipLast(1), kwh => Assert.InRange(kwh, 5m, 150m));
        Assert.Equal(storedDays.Select(day => day.ImportKwh!.Value), dayImports);
        Assert.NotEmpty(capacity["peaks"]!.AsArray());
        // The Cost page has its figures: the demo's prices cover the month so far and Elvia's tariff has a step.
        Assert.InRange(cost["price_now"]!.GetValue<decimal>(), 0.1m, 5m);
        Assert.Equal(0, cost["month"]!["unpriced_intervals"]!.GetValue<int>());
        Assert.True(cost["month"]!["total"]!.GetValue<decimal>() > 0m, cost.ToJsonString());
        Assert.NotNull(cost["capacity"]!["step_nok_per_month"]);
        Assert.All(cost["today"]!.AsArray(), hour => Assert.NotNull(hour!["all_in"]));
        Assert.Contains("invented spot prices", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"han demo: open http://127.0.0.1:{port}", result.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(StoreFolder(result.Stderr)), "the demo's folder is removed when it stops");
    }

    [Fact]
    public async Task Demo_PortInUse_SaysSoAndSuggestsAnotherPort()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;

        var result = await HanRunner.Run("demo", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"han demo: port {port} on 127.0.0.1 is in use", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--port", result.Stderr, StringComparison.Ordinal);
    }

    private static string Day(DateTimeOffset time) => time.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The first reading of the live stream (server-sent events), within a minute.</summary>
    private static async Task<JsonObject> FirstLiveReadingAsync(HttpClient web)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var stream = await web.GetStreamAsync("api/meters/house/live/stream", timeout.Token);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data: ".Length..])!.AsObject();
            }
        }

        throw new InvalidOperationException("the live stream ended without a reading");
    }

    /// <summary>The day aggregates the demo's store holds (read beside the running demo, as han export would).</summary>
    private static async Task<IReadOnlyList<EnergyAggregate>> ReadDaysAsync(RunningShell demo)
    {
        await using var store = await HistoryStores.OpenSqliteAsync(Path.Combine(StoreFolder(demo.Stderr), "han.db"), CancellationToken.None);
        return await store.ReadAggregatesAsync("house", AggregateResolution.Day, DateTimeOffset.UtcNow.AddDays(-35), DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
    }

    private static string StoreFolder(string stderr) => FolderLine().Match(stderr) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException($"han demo did not say where its history is: {stderr}");

    [GeneratedRegex(@"writing its last four weeks to (\S+) \.\.\.")]
    private static partial Regex FolderLine();
}
