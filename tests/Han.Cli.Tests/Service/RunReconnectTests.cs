namespace Han.Cli.Tests.Service;

/// <summary><c>han run</c> when its bridge drops in the middle of a list and comes back.</summary>
public sealed class RunReconnectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-").FullName;

    [Fact]
    public async Task Run_BridgeDropsMidFrame_WritesTheNextConnectionsFirstListAtOnce()
    {
        using var bridge = new ScriptedBridge();
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"""
            meters:
              - name: house
                source: {bridge.Address}
            outputs:
              json_lines: {_folder}/{"{meter}"}.jsonl
            """);
        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 60);

        await bridge.DropMidFrameAndComeBackWithOneListAsync();
        var written = await PrintedLines.WaitForAsync(Path.Combine(_folder, "house.jsonl"), 2, timeoutSeconds: 10);
        service.Signal("TERM");
        await service.Completion;

        Assert.Equal(["KFM_001", "Kamstrup_V0001"], written.Select(line => line.GetProperty("list_version").GetString()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
