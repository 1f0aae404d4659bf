namespace Han.Cli.Tests.Service;

/// <summary><c>han run --check</c> and the configuration errors of <c>han run</c> (issue 8, point 9).</summary>
public sealed class RunCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-check-").FullName;

    [Fact]
    public async Task Check_ValidConfiguration_SaysWhatHanUnderstoodAndExitsZero()
    {
        var config = Write($"meters:\n  - name: house\n    source: /dev/serial/by-id/usb-FTDI-if00\n  - name: cabin\n    source: tcp://cabin.local:3001\n    scale: 40\noutputs:\n  json_lines: {_folder}/{{meter}}.jsonl\n");

        var result = await HanRunner.Run("run", "--config", config, "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{config}: valid; 2 meters", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  house: /dev/serial/by-id/usb-FTDI-if00, line setting found by listening, NO", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  cabin: tcp://cabin.local:3001, NO, current transformer x40", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"json_lines {_folder}/{{meter}}.jsonl", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Check_SeveralProblems_NamesEachWithItsLineValueAndWhatIsValidAndExitsWithConfigError()
    {
        var config = Write("meters:\n  - source: /dev/ttyUSB0\n    baud: 2401\n    parity: evn\noutputs:\n  queue_size: 5\n");

        var result = await HanRunner.Run("run", "--config", config, "--check");

        Assert.Equal(78, result.ExitCode);
        Assert.Contains($"han run: {config}: 3 problems:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("meters[0].parity (han.yaml line 4): 'evn' is not a parity; use none, even or odd", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'2401' is not a standard speed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("outputs.queue_size (han.yaml line 6): '5' is not", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Run_NoConfigurationFile_SaysWhereTheExampleIsAndDoesNotStart()
    {
        var result = await HanRunner.Run("run", "--config", Path.Combine(_folder, "missing.yaml"));

        Assert.Equal(78, result.ExitCode);
        Assert.Contains("there is no configuration file here; copy the example", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NotYaml_SaysWhereItBroke()
    {
        var config = Write("meters:\n  - source: [unclosed\n");

        var result = await HanRunner.Run("run", "--config", config);

        Assert.Equal(78, result.ExitCode);
        Assert.Contains("han.yaml line 3", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("this is not valid YAML", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "han.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
