using Han.Integrations.HomeAssistant.Statistics;
using Han.Live;
using Han.Live.Fanout;
using static Han.Integrations.Tests.HomeAssistant.Statistics.StatisticsSinkTests;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>
/// A sink stopped and made again (han restarted) with the same state file: the hour of the restart, and
/// the hours that waited for an absent Home Assistant when han stopped, reach Home Assistant, with a sum
/// that goes on from the one Home Assistant holds.
/// </summary>
public sealed class StatisticsSinkRestartTests : IDisposable
{
    private const string Import = "han:6970631406021485_energy_import";

    private readonly string _folder = Directory.CreateTempSubdirectory("han-sink-restart-").FullName;
    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    private string StateFile => Path.Combine(_folder, "homeassistant-statistics.json");

    [Fact]
    public async Task WriteAsync_RestartWithinAnHour_TheHourOfTheRestartGetsItsRow()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        var first = Sink(homeAssistant);
        await first.WriteAsync(Made(Reading("2026-03-01T09:00:00", 1000m, null), Kaifa), default);
        await first.WriteAsync(Made(Reading("2026-03-01T10:00:00", 1001.25m, null), Kaifa), default);
        await first.DisposeAsync(); // stopped at 10:20

        var second = Sink(homeAssistant); // started at 10:40
        await second.WriteAsync(Made(Reading("2026-03-01T11:00:00", 1002m, null), Kaifa), default);
        await second.WriteAsync(Made(Reading("2026-03-01T12:00:00", 1002.5m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 3, "the three hours");
        await second.DisposeAsync();

        var rows = homeAssistant.Rows(Import);
        Assert.Equal(new[] { 8, 9, 10 }, rows.Select(r => r.Start.Hour)); // 09, 10 and 11 o'clock in Oslo, in UTC
        Assert.Equal(new[] { 1.25m, 0.75m, 0.5m }, rows.Select(r => r.State));
        Assert.Equal(new[] { 1.25m, 2m, 2.5m }, rows.Select(r => r.Sum));
        Assert.Empty(homeAssistant.Violations);
        Assert.DoesNotContain(_reports, r => r.Level == NoteLevel.Warning);
    }

    [Fact]
    public async Task WriteAsync_ResumedWhileHomeAssistantHoldsAnotherSum_FirstRowContinuesHomeAssistantsSum()
    {
        // The sum Home Assistant holds need not be the one han remembers (an earlier han that counted from
        // another start, rows imported by hand): the first row after the restart must continue Home
        // Assistant's sum exactly, or the Energy dashboard shows the difference as that hour's energy.
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        homeAssistant.Store(Import, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), 0.5m, 777.125m); // 09:00–10:00 Oslo
        new StatisticPositionStore(StateFile, Report).Remember(Import, new StatisticPosition(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), 1001.25m, 40m));

        var sink = Sink(homeAssistant);
        await sink.WriteAsync(Made(Reading("2026-03-01T11:00:00", 1002m, null), Kaifa), default);
        await sink.WriteAsync(Made(Reading("2026-03-01T12:00:00", 1002.5m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 3, "the two hours after the restart");
        await sink.DisposeAsync();

        var rows = homeAssistant.Rows(Import);
        Assert.Equal(new[] { 0.5m, 0.75m, 0.5m }, rows.Select(r => r.State));
        Assert.Equal(new[] { 777.125m, 777.875m, 778.375m }, rows.Select(r => r.Sum));
    }

    [Fact]
    public async Task WriteAsync_MemoryOfAnotherMeter_IsNotUsed()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        var other = "han:7359998128924755_energy_import";
        new StatisticPositionStore(StateFile, Report).Remember(other, new StatisticPosition(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), 500m, 3m));

        var sink = Sink(homeAssistant);
        await sink.WriteAsync(Made(Reading("2026-03-01T11:00:00", 1002m, null), Kaifa), default); // the Kaifa's first register: only a start
        await sink.WriteAsync(Made(Reading("2026-03-01T12:00:00", 1002.5m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 1, "the Kaifa's hour");
        await sink.DisposeAsync();

        var row = Assert.Single(homeAssistant.Rows(Import));
        Assert.Equal(0.5m, row.State);
        Assert.Empty(homeAssistant.Rows(other));
        var store = new StatisticPositionStore(StateFile, Report);
        Assert.Equal(500m, store.Recall(other)!.Register); // the other meter's memory is left as it was
        Assert.Equal(1002.5m, store.Recall(Import)!.Register);
    }

    [Fact]
    public async Task WriteAsync_BrokenStateFile_CountsFromTheFirstRegisterAndSaysSo()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        await File.WriteAllTextAsync(StateFile, "not json");

        var sink = Sink(homeAssistant);
        await sink.WriteAsync(Made(Reading("2026-03-01T11:00:00", 1002m, null), Kaifa), default);
        await sink.WriteAsync(Made(Reading("2026-03-01T12:00:00", 1002.5m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 1, "the hour after the first register");
        await sink.DisposeAsync();

        Assert.Equal(0.5m, Assert.Single(homeAssistant.Rows(Import)).State);
        Assert.Single(_reports, r => r.Level == NoteLevel.Warning && r.Text.Contains("cannot read the hours remembered", StringComparison.Ordinal));
        Assert.Equal(1002.5m, new StatisticPositionStore(StateFile, Report).Recall(Import)!.Register); // written anew
    }

    [Fact]
    public async Task DisposeAsync_HomeAssistantAwayWhenHanStops_EveryWaitingHourArrivesOnceAfterTheNextStart()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        homeAssistant.Store(Import, new DateTimeOffset(2026, 3, 1, 7, 0, 0, TimeSpan.Zero), 0.5m, 777.125m); // 08–09 Oslo, from an earlier han
        var first = Sink(homeAssistant);
        await first.WriteAsync(Made(Reading("2026-03-01T09:00:00", 1000m, null), Kaifa), default);
        await first.WriteAsync(Made(Reading("2026-03-01T10:00:00", 1001.25m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 2, "09–10 while Home Assistant is there");

        await homeAssistant.StopAsync(); // restarting for an update: connections refused
        await first.WriteAsync(Made(Reading("2026-03-01T11:00:00", 1002m, null), Kaifa), default);
        await first.WriteAsync(Made(Reading("2026-03-01T12:00:00", 1002.5m, null), Kaifa), default);
        await ReportWait.ForAsync(_reports, "cannot reach Home Assistant");
        var onDisk = new StatisticPositionStore(StateFile, Report); // what a crash here would leave
        Assert.Equal(new[] { 0.75m, 0.5m }, onDisk.RecallWaiting(Import).Select(r => r.State));
        Assert.Equal(1002.5m, onDisk.Recall(Import)!.Register); // the position is past them: only the waiting rows keep them
        await first.DisposeAsync(); // han stops while they wait

        Assert.Equal(0, first.Uploader.Dropped);
        Assert.Single(_reports, r => r.Level == NoteLevel.Warning && r.Text.Contains($"2 hourly rows wait in {StateFile}", StringComparison.Ordinal));
        await homeAssistant.StartAsync();
        var second = Sink(homeAssistant);
        await second.WriteAsync(Made(Reading("2026-03-01T12:00:10", null, null), Kaifa), default); // the first reading queues them again
        await second.WriteAsync(Made(Reading("2026-03-01T13:00:00", 1003m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 5, "every hour");
        await second.DisposeAsync();

        var rows = homeAssistant.Rows(Import);
        Assert.Equal(new[] { 7, 8, 9, 10, 11 }, rows.Select(r => r.Start.Hour));
        Assert.Equal(new[] { 0.5m, 1.25m, 0.75m, 0.5m, 0.5m }, rows.Select(r => r.State));
        Assert.Equal(new[] { 777.125m, 778.375m, 779.125m, 779.625m, 780.125m }, rows.Select(r => r.Sum)); // Home Assistant's sum plus each hour, no jump
        Assert.All(homeAssistant.ImportedStarts(Import).GroupBy(start => start), hour => Assert.Single(hour)); // each hour sent once
        Assert.Empty(homeAssistant.Violations);
        Assert.Empty(new StatisticPositionStore(StateFile, Report).RecallWaiting(Import)); // delivered: nothing left to send again
        Assert.DoesNotContain(_reports, r => r.Text.Contains("not delivered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_RowsWaitingFromBeforeTheStop_GoOutBeforeTheHoursAfterIt()
    {
        // Written by an earlier han that stopped at 12:20 while Home Assistant was away, with its sum count at 42.
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        var store = new StatisticPositionStore(StateFile, Report);
        store.Remember(Import, new StatisticPosition(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), 1002.5m, 42m));
        var oslo = TimeSpan.FromHours(1);
        store.RememberWaiting(Import, [new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, oslo), 0.75m, 41.5m), new(new DateTimeOffset(2026, 3, 1, 11, 0, 0, oslo), 0.5m, 42m, Spread: true)]);

        var sink = Sink(homeAssistant);
        await sink.WriteAsync(Made(Reading("2026-03-01T13:00:00", 1003.25m, null), Kaifa), default);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import).Count == 3, "the two waiting hours and the hour of the restart");
        await sink.DisposeAsync();

        var rows = homeAssistant.Rows(Import);
        Assert.Equal(new[] { 9, 10, 11 }, rows.Select(r => r.Start.Hour));
        Assert.Equal(new[] { 0.75m, 0.5m, 0.75m }, rows.Select(r => r.State));
        Assert.Equal(new[] { 0.75m, 1.25m, 2m }, rows.Select(r => r.Sum)); // nothing in Home Assistant before: the sum starts at the first hour
        Assert.Contains(_reports, r => r.Level == NoteLevel.Information && r.Text.Contains("2 hourly rows that were waiting for Home Assistant when han stopped are queued again", StringComparison.Ordinal));
        Assert.Empty(homeAssistant.Violations);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private StatisticsSink Sink(FakeHomeAssistant homeAssistant) =>
        new(Options(homeAssistant.Url), Report, TimeProvider.System, new StatisticPositionStore(StateFile, Report));

    private void Report(string text, NoteLevel level)
    {
        lock (_reports)
        {
            _reports.Add((text, level));
        }
    }
}
