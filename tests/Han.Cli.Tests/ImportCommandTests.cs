using System.Globalization;
using Han.Storage;

namespace Han.Cli.Tests;

/// <summary>han import end to end, in-process: a simulated meter's capture into a real SQLite store.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-import-").FullName;

    private string Store => Path.Combine(_folder, "history.db");

    [Fact]
    public async Task Import_CaptureAcrossTheRetentionTwice_SecondRunChangesNothing()
    {
        // An hour of lists, its first half past the raw-list retention of 30 days.
        var start = WholeMinute(DateTimeOffset.UtcNow.AddDays(-30).AddMinutes(-30));
        var capture = await SimulatedCaptureAsync(start, "1h");

        var first = await HanRunner.Run("import", capture, "--sqlite", Store);
        var (lists, minutes) = await ReadStoreAsync(start);
        var second = await HanRunner.Run("import", capture, "--sqlite", Store);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1,440 lists of meter '", first.Stdout, StringComparison.Ordinal); // 1 h at 2.5 s, with the 10-s and hourly lists in the same slots
        Assert.Matches(@"stored as lists: [1-9][\d,]* new, 0 already there", first.Stdout);
        Assert.Matches(@"summed into minutes of power, not kept as lists; [1-9]\d* minutes written, 0 already there", first.Stdout);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches(@"stored as lists: 0 new, [1-9][\d,]* already there", second.Stdout);
        Assert.Matches(@"0 minutes written, [1-9]\d* already there", second.Stdout);
        var (listsAgain, minutesAgain) = await ReadStoreAsync(start);
        Assert.InRange(lists.Count, 1, 1439);
        Assert.Equal(lists, listsAgain);
        Assert.Equal(60, minutes.Count);
        Assert.Equal(minutes, minutesAgain);
        Assert.Equal(1440, minutes.Sum(minute => minute.Import!.Count));
    }

    [Fact]
    public async Task Import_RawFileWithoutMeterClock_RefusesAndNamesHanRecord()
    {
        // Ten minutes of Aidon lists as raw bytes: no receive times, and no hourly list with the meter's clock.
        var (exitCode, bytes, _) = await HanRunner.RunBytes(TimeProvider.System, "simulate", "--speed", "max", "--start", "2026-11-30T12:00:30Z", "--duration", "10m", "--seed", "4");
        Assert.Equal(0, exitCode);
        var raw = Path.Combine(_folder, "raw.bin");
        await File.WriteAllBytesAsync(raw, bytes);

        var result = await HanRunner.Run("import", raw, "--sqlite", Store);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("have no receive time", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("han record", result.Stderr, StringComparison.Ordinal);
        await using var store = await HistoryStores.OpenSqliteAsync(Store, None);
        Assert.Empty(await store.ReadMetersAsync(None));
    }

    [Fact]
    public async Task Import_MeterNamed_ListsStoredUnderThatName()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var capture = await SimulatedCaptureAsync(start, "2m");

        var result = await HanRunner.Run("import", capture, "--sqlite", Store, "--meter", "cabin");

        Assert.Equal(0, result.ExitCode);
        await using var store = await HistoryStores.OpenSqliteAsync(Store, None);
        Assert.Equal("cabin", Assert.Single(await store.ReadMetersAsync(None)).Name);
        Assert.Equal(48, (await store.ReadListsAsync("cabin", start.AddMinutes(-1), start.AddMinutes(3), None)).Count);
    }

    [Fact]
    public async Task Import_SqliteAndPostgresBoth_RefusedNamingBoth()
    {
        var result = await HanRunner.Run("import", "x.han", "--sqlite", Store, "--postgres", "Host=localhost");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--sqlite and --postgres", result.Stderr, StringComparison.Ordinal);
    }

    private static DateTimeOffset WholeMinute(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> SimulatedCaptureAsync(DateTimeOffset start, string duration)
    {
        var path = Path.Combine(_folder, "meter.han");
        var simulated = await HanRunner.Run("simulate", "--start", start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "--duration", duration, "--seed", "11", "--capture", path);
        Assert.Equal(0, simulated.ExitCode);
        return path;
    }

    private async Task<(IReadOnlyList<StoredList> Lists, IReadOnlyList<MinutePower> Minutes)> ReadStoreAsync(DateTimeOffset start)
    {
        await using var store = await HistoryStores.OpenSqliteAsync(Store, None);
        var meter = Assert.Single(await store.ReadMetersAsync(None)).Name;
        return (await store.ReadListsAsync(meter, start.AddDays(-1), start.AddDays(1), None), await store.ReadMinutePowerAsync(meter, start.AddDays(-1), start.AddDays(1), None));
    }
}
