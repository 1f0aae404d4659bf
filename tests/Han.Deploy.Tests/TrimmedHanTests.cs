using System.Text.Json;
using Han.TestCorpus;
using Han.TestCorpus.Servers;

namespace Han.Deploy.Tests;

/// <summary>
/// The packaged han is trimmed (deploy/release.sh): the trimmer keeps only the code it can see being
/// reached. The trim analyzers find reflection it cannot see, at build time; these tests show that
/// what users run still decodes every meter of the corpus and runs the service, so a trimmed-away path
/// is found here and not on a Raspberry Pi.
/// </summary>
[Collection("release")]
public sealed class TrimmedHanTests(ReleaseBuild release) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-trimmed-").FullName;

    private string Han => Path.Combine(release.Root, "usr", "bin", "han");

    public static TheoryData<string> VectorIds() => [.. Vectors.All.Select(vector => vector.Id)];

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void PackagedHan_DecodeOfAVector_GivesItsStatedValues(string id)
    {
        var vector = Vectors.ById(id);
        var input = Path.Combine(_folder, id + ".hex");
        File.WriteAllText(input, vector.InputHex);
        List<string> arguments = ["decode", "--format", "json", "--country", vector.Country, input];
        if (vector.KeyHex is { } key)
        {
            arguments.AddRange(["--key", key]);
        }

        if (vector.AuthKeyHex is { } authenticationKey)
        {
            arguments.AddRange(["--auth-key", authenticationKey]);
        }

        var decode = Tool.Run(Han, arguments);

        Assert.True(decode.ExitCode == 0, decode.ToString());
        var lines = decode.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var readings = lines.Where(line => !line.TryGetProperty("error", out _)).ToList();
        Assert.Equal(vector.ExpectReadings, readings.Count);
        if (readings.Count > 0)
        {
            var mismatches = ExpectedValues.Mismatches(vector, readings[^1]);
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        }
        else
        {
            Assert.Contains(lines, line => line.TryGetProperty("error", out _));
        }
    }

    [Fact]
    public async Task PackagedHan_RunWithASimulatedMeter_WritesEveryListTheSimulatorSent()
    {
        var port = LoopbackPort.Free();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"""
            meters:
              - name: house
                source: tcp://127.0.0.1:{port}
            outputs:
              json_lines: {_folder}/{"{meter}"}.jsonl
            """);
        using var service = Tool.Start(Han, ["run", "--config", config], workingDirectory: _folder);
        var serviceLog = service.StandardError.ReadToEndAsync();

        var simulate = Tool.Run(Han, ["simulate", "--meter", "kaifa", "--speed", "60", "--duration", "5m", "--seed", "3", "--log", "sent.log", "--serve", $"tcp://127.0.0.1:{port}"], workingDirectory: _folder, timeoutSeconds: 60);
        // Every list through the decoder and into the JSON lines output before the stop: han's stop empties
        // the outputs' queues, but not what is still on its way through the decoder.
        var expected = File.ReadAllLines(Path.Combine(_folder, "sent.log")).Count(line => line.Length > 0);
        await WaitForLinesAsync(Path.Combine(_folder, "house.jsonl"), expected);
        Tool.Run("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await service.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        Assert.True(service.ExitCode == 0, await serviceLog);
        var sent = File.ReadAllLines(Path.Combine(_folder, "sent.log")).Count(line => line.Length > 0);
        var written = File.ReadAllLines(Path.Combine(_folder, "house.jsonl")).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.True(sent > 20, $"the simulator sent {sent} lists");
        Assert.Equal(sent, written.Count);
        Assert.All(written, reading => Assert.Equal("house", reading.GetProperty("meter").GetString()));
        Assert.Contains($"house: final totals: {sent} readings", await serviceLog, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Waits until <paramref name="path"/> holds at least <paramref name="count"/> complete lines; the count then says what is missing.</summary>
    private static async Task WaitForLinesAsync(string path, int count, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(path))
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var complete = (await new StreamReader(file).ReadToEndAsync()).Split('\n')[..^1].Count(line => line.Length > 0);
                if (complete >= count)
                {
                    return;
                }
            }

            await Task.Delay(50);
        }
    }
}
