using System.Text.Json;
using Han.Integrations.HomeAssistant.Statistics;
using Han.Live.Fanout;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>The file of the last hourly registers: written atomically, read back exactly, and a broken or missing one never stops han.</summary>
public sealed class StatisticPositionStoreTests : IDisposable
{
    private const string Import = "han:6970631406021485_energy_import";
    private const string Export = "han:6970631406021485_energy_export";

    private static readonly StatisticPosition Ten = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), 1001.755m, 12.5m);

    private readonly string _folder = Directory.CreateTempSubdirectory("han-positions-").FullName;
    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    private string File => Path.Combine(_folder, "state", "homeassistant-statistics.json");

    [Fact]
    public void Remember_ThenANewStore_RecallsTheSamePosition()
    {
        new StatisticPositionStore(File, Report).Remember(Import, Ten with { Boundary = Ten.Boundary.ToOffset(TimeSpan.FromHours(1)) });

        var recalled = new StatisticPositionStore(File, Report).Recall(Import);

        Assert.Equal(Ten, recalled);
        Assert.Equal(TimeSpan.Zero, recalled!.Boundary.Offset); // kept in UTC
        Assert.Equal(1001.755m, recalled.Register); // exact: decimal, not double
        Assert.Empty(_reports);
        Assert.False(System.IO.File.Exists(File + ".tmp")); // moved over, not left beside
    }

    [Fact]
    public void Remember_AnotherStatistic_KeepsTheFirst()
    {
        var store = new StatisticPositionStore(File, Report);
        store.Remember(Import, Ten);
        store.Remember(Export, Ten with { Register = 20m, Sum = 1m });

        var again = new StatisticPositionStore(File, Report);

        Assert.Equal(Ten, again.Recall(Import));
        Assert.Equal(20m, again.Recall(Export)!.Register);
        Assert.Null(again.Recall("han:7359998128924755_energy_import")); // another meter's id: nothing
    }

    [Fact]
    public void Recall_NoFile_NothingAndNoWarning()
    {
        var store = new StatisticPositionStore(File, Report);

        Assert.Null(store.Recall(Import));
        Assert.Empty(_reports);
    }

    [Fact]
    public void Recall_BrokenFile_ToldOnceAndWrittenAnew()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, "{\"han:6970631406021485_energy_import\": {\"boundary\": \"2026-03-01T09:00:00+00:00\", \"regis"); // cut short by a full disk
        var store = new StatisticPositionStore(File, Report);

        Assert.Null(store.Recall(Import));
        Assert.Null(store.Recall(Export));
        store.Remember(Export, Ten);

        var warning = Assert.Single(_reports);
        Assert.Equal(NoteLevel.Warning, warning.Level);
        Assert.Contains($"cannot read the hours remembered in {File}", warning.Text, StringComparison.Ordinal);
        Assert.Equal(Ten, new StatisticPositionStore(File, Report).Recall(Export));
        using var written = JsonDocument.Parse(System.IO.File.ReadAllBytes(File)); // whole JSON again
        Assert.Equal(JsonValueKind.Object, written.RootElement.ValueKind);
    }

    [Fact]
    public void Recall_OneEntryEditedBadly_TheOthersAreKept()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, """
            {
              "han:6970631406021485_energy_import": { "boundary": "2026-03-01T09:00:00+00:00", "register": 1001.755, "sum": 12.5 },
              "han:6970631406021485_energy_export": { "boundary": "yesterday", "register": "20", "sum": 1 }
            }
            """);
        var store = new StatisticPositionStore(File, Report);

        Assert.Equal(Ten, store.Recall(Import));
        Assert.Null(store.Recall(Export));
        var warning = Assert.Single(_reports);
        Assert.Contains("the entry of han:6970631406021485_energy_export is not", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Remember_FolderCannotBeMade_ToldOnceAndKeptInMemory()
    {
        var blocker = Path.Combine(_folder, "state");
        System.IO.File.WriteAllText(blocker, "a file where the folder should be"); // fails for root too
        var store = new StatisticPositionStore(File, Report);

        store.Remember(Import, Ten);
        store.Remember(Import, Ten with { Sum = 13m });

        var warning = Assert.Single(_reports);
        Assert.Equal(NoteLevel.Warning, warning.Level);
        Assert.Contains($"cannot write {File}", warning.Text, StringComparison.Ordinal);
        Assert.Equal(13m, store.Recall(Import)!.Sum);
    }

    [Fact]
    public void RememberWaiting_ThenANewStore_RecallsTheRowsExactlyBesideThePosition()
    {
        var oslo = TimeSpan.FromHours(1);
        StatisticRow[] waiting = [new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, oslo), 0.755m, 12m), new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, oslo), 0.5m, 12.5m, Spread: true)];
        var store = new StatisticPositionStore(File, Report);
        store.Remember(Import, Ten);
        store.RememberWaiting(Import, waiting);

        var again = new StatisticPositionStore(File, Report);

        Assert.Equal(waiting, again.RecallWaiting(Import)); // starts with their offset, exact decimals, the spread flag
        Assert.Equal(oslo, again.RecallWaiting(Import)[0].Start.Offset);
        Assert.Equal(Ten, again.Recall(Import)); // the position is kept beside them
        Assert.Empty(again.RecallWaiting(Export));
        Assert.Empty(_reports);
    }

    [Fact]
    public void RememberWaiting_NoneLeft_TheFileHoldsOnlyThePosition()
    {
        var store = new StatisticPositionStore(File, Report);
        store.Remember(Import, Ten);
        store.RememberWaiting(Import, [new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), 1m, 12.5m)]);
        store.RememberWaiting(Import, []); // Home Assistant took them

        using var written = JsonDocument.Parse(System.IO.File.ReadAllBytes(File));
        var entry = written.RootElement.GetProperty(Import);
        Assert.False(entry.TryGetProperty("waiting", out _));
        Assert.Equal(Ten, new StatisticPositionStore(File, Report).Recall(Import));
        Assert.Empty(new StatisticPositionStore(File, Report).RecallWaiting(Import));
    }

    [Fact]
    public void RecallWaiting_ARowEditedBadly_TheEntryIsLeftOutAndSaidOnce()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        System.IO.File.WriteAllText(File, """
            {
              "han:6970631406021485_energy_import": { "boundary": "2026-03-01T09:00:00+00:00", "register": 1001.755, "sum": 12.5,
                "waiting": [ { "start": "2026-03-01T09:00:00+01:00", "state": "a lot", "sum": 12.5 } ] }
            }
            """);
        var store = new StatisticPositionStore(File, Report);

        Assert.Empty(store.RecallWaiting(Import));
        Assert.Null(store.Recall(Import));
        var warning = Assert.Single(_reports);
        Assert.Contains("the entry of han:6970631406021485_energy_import is not", warning.Text, StringComparison.Ordinal);
        Assert.Contains("hours it held that were waiting for Home Assistant", warning.Text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Report(string text, NoteLevel level) => _reports.Add((text, level));
}
