using System.Text.Json;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Cli.Tests.Live;

/// <summary>
/// han as a real process reading frames another HAN reader publishes on MQTT: a real mosquitto with a
/// user and password, the frames published by a real mosquitto_pub, for <c>han listen</c> and for a
/// meter of <c>han run</c>. The password never shows in what han prints or writes.
/// </summary>
public sealed class MqttInputTests : IDisposable
{
    private const string Password = "pa55-w0rd";

    /// <summary>The verified Tibber Pulse list-1 example from a Kaifa (integrations.md §3.2): 4406 W.</summary>
    private const string PulseKaifaList1 = "7ea027010201105a87e6e7000f40000000090c07e60c1a0109280cff80000002010600001136513a7e";

    private readonly string _folder = Directory.CreateTempSubdirectory("han-mqtt-in-").FullName;
    private readonly MosquittoBroker _broker = new(new Dictionary<string, string> { ["han"] = Password });

    private string Source => $"mqtt://han:{Password}@127.0.0.1:{_broker.Port}/pulse/publish";

    [Fact]
    public async Task Listen_MqttSource_PrintsEachPublishedListAndSkipsJsonWithOneLine()
    {
        // Standard output into a file, to be watched while han runs: done when both lists are decoded.
        var listen = Shell.Start($"exec \"$HAN\" listen '{Source}' --format json > readings.jsonl", _folder);
        await listen.WaitForErrorAsync("subscribed to 'pulse/publish'");

        await File.WriteAllBytesAsync(Path.Combine(_folder, "frame.bin"), Convert.FromHexString(PulseKaifaList1));
        await PublishAsync("-f frame.bin");
        await PublishAsync("-m '{\"status\":{\"Build\":\"1.0.8\"}}'");
        await PublishAsync("-m '{\"status\":{\"Build\":\"1.0.8\"}}'");
        await PublishAsync($"-m {RealFrameHex()}");
        await listen.WaitForErrorAsync("reading HDLC frames written as hex text");
        await PrintedLines.WaitForAsync(Path.Combine(_folder, "readings.jsonl"), 2, timeoutSeconds: 60); // the last message through the decoder
        listen.Signal("INT");
        var result = await listen.Completion;

        var printed = await File.ReadAllTextAsync(Path.Combine(_folder, "readings.jsonl"));
        var readings = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(2, readings.Count);
        Assert.Equal(4406m, readings[0].GetProperty("active_power_import").GetDecimal());
        Assert.Empty(ExpectedValues.Mismatches(Vectors.ById("amsreader-kamstrup-no-gh862-3"), readings[1]));
        Assert.All(readings, reading => Assert.True(reading.TryGetProperty("received", out _)));
        Assert.Single(result.Stderr.Split('\n'), line => line.Contains("skipping JSON", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, printed + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MeterWithMqttSource_WritesItsReadingsAndHidesThePassword()
    {
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"""
            meters:
              - name: house
                source: {Source}
            outputs:
              capture: {_folder}/{"{meter}"}.han
              json_lines: {_folder}/{"{meter}"}.jsonl
            """);
        var check = await Shell.Run($"\"$HAN\" run --config {config} --check", _folder);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"house: mqtt://han:***@127.0.0.1:{_broker.Port}/pulse/publish", check.Stdout + check.Stderr, StringComparison.Ordinal);

        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        await service.WaitForErrorAsync("subscribed to 'pulse/publish'");
        await PublishAsync($"-m {PulseKaifaList1}");
        await PublishAsync($"-m {RealFrameHex()}");
        var written = Path.Combine(_folder, "house.jsonl");
        await PrintedLines.WaitForAsync(written, 2, timeoutSeconds: 60);
        service.Signal("TERM");
        var result = await service.Completion;

        Assert.Equal(0, result.ExitCode);
        var lines = await File.ReadAllLinesAsync(written);
        Assert.Equal(2, lines.Length);
        Assert.Equal(4406m, JsonDocument.Parse(lines[0]).RootElement.GetProperty("active_power_import").GetDecimal());
        Assert.DoesNotContain(Password, result.Stdout + result.Stderr + await File.ReadAllTextAsync(Path.Combine(_folder, "house.han")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_WrongPassword_SaysSoOnceAndEndsWithoutShowingIt()
    {
        var result = await Shell.Run($"\"$HAN\" listen 'mqtt://han:not-{Password}@127.0.0.1:{_broker.Port}/pulse/publish'", _folder);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("the broker refused the user name 'han' or its password", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Listen_MqttsSource_ChecksTheBrokerAgainstTheTrustStoreAndReads()
    {
        using var broker = new MosquittoBroker(tls: true);
        var source = $"mqtts://127.0.0.1:{broker.TlsPort}/pulse/publish";

        // Not trusted by this system: refused with the reason, and retried.
        var untrusted = Shell.Start($"exec \"$HAN\" listen {source}", _folder);
        await untrusted.WaitForErrorAsync("the broker's TLS certificate is not trusted by this system (UntrustedRoot)");
        untrusted.Signal("INT");
        await untrusted.Completion;

        // Trusted through OpenSSL's SSL_CERT_FILE, as a system's own CA would be.
        var listen = Shell.Start($"SSL_CERT_FILE={broker.Certificates!.CaFile} exec \"$HAN\" listen {source} --format json > tls.jsonl", _folder);
        await listen.WaitForErrorAsync("subscribed to 'pulse/publish'");
        var published = await Shell.Run($"mosquitto_pub -h 127.0.0.1 -p {broker.Port} -q 1 -t pulse/publish -m {PulseKaifaList1}", _folder);
        Assert.Equal(0, published.ExitCode);
        await listen.WaitForErrorAsync("reading HDLC frames written as hex text");
        await PrintedLines.WaitForAsync(Path.Combine(_folder, "tls.jsonl"), 1, timeoutSeconds: 60);
        listen.Signal("INT");
        await listen.Completion;

        var printed = await File.ReadAllTextAsync(Path.Combine(_folder, "tls.jsonl"));

        Assert.Equal(4406m, JsonDocument.Parse(printed.Split('\n')[0]).RootElement.GetProperty("active_power_import").GetDecimal());
    }

    public void Dispose()
    {
        _broker.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A Kamstrup list as amsreader's HEX dump publishes it: upper-case hex.</summary>
    private static string RealFrameHex() => Vectors.ById("amsreader-kamstrup-no-gh862-3").InputHex.ToUpperInvariant();

    private async Task PublishAsync(string payload)
    {
        var published = await Shell.Run($"mosquitto_pub -h 127.0.0.1 -p {_broker.Port} -u han -P '{Password}' -q 1 -t pulse/publish {payload}", _folder);
        Assert.True(published.ExitCode == 0, published.Stderr);
    }
}
