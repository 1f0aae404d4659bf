using Han.Integrations.HomeAssistant;
using Han.Integrations.HomeAssistant.Statistics;
using Han.Live.Fanout;
using Han.Readings;
using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>The uploader against a real WebSocket server that checks every message against integrations.md §1.9.</summary>
public sealed class StatisticsUploaderTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly StatisticSeries Import = StatisticSeries.For(ReadingField.ActiveEnergyImport, "6970631406021485", "house");
    private static readonly StatisticSeries Export = StatisticSeries.For(ReadingField.ActiveEnergyExport, "6970631406021485", "house");
    private static readonly DateTimeOffset Nine = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly List<(string Text, NoteLevel Level)> _reports = [];

    [Fact]
    public async Task Add_HomeAssistantAnswers_RowsArriveAsTheSchemaWants()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        await using var uploader = Uploader(homeAssistant.Url);

        uploader.Add(Import, Rows(Nine, 1.5m, 0.25m, 2m));
        uploader.Add(Export, Rows(Nine, 0m, 0.125m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 3 && homeAssistant.Rows(Export.StatisticId).Count == 2, "both statistics");

        Assert.Empty(homeAssistant.Violations);
        var rows = homeAssistant.Rows(Import.StatisticId);
        Assert.Equal(new[] { Nine, Nine.AddHours(1), Nine.AddHours(2) }, rows.Select(r => r.Start));
        Assert.Equal(new[] { 1.5m, 0.25m, 2m }, rows.Select(r => r.State));
        Assert.Equal(new[] { 1.5m, 1.75m, 3.75m }, rows.Select(r => r.Sum));
        Assert.Equal(0.125m, homeAssistant.Rows(Export.StatisticId)[^1].Sum);
        Assert.Single(_reports, r => r.Text.Contains("connected to Home Assistant 2026.11.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_HoursApart_ConnectsForEachAndSaysSoOnce()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        await using var uploader = Uploader(homeAssistant.Url);

        uploader.Add(Import, Rows(Nine, 1m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 1, "the first hour");
        await homeAssistant.WaitForAsync(() => homeAssistant.OpenConnections == 0, "the connection closed");
        uploader.Add(Import, RowsAfter(1m, Nine.AddHours(1), 2m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 2, "the next hour");

        Assert.Equal(2, homeAssistant.Authentications);
        Assert.Equal(3m, homeAssistant.Rows(Import.StatisticId)[^1].Sum);
        Assert.Single(_reports);
        Assert.Empty(homeAssistant.Violations);
    }

    [Fact]
    public async Task Add_HomeAssistantHoldsASum_TheSumGoesOnFromIt()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        homeAssistant.Store(Import.StatisticId, Nine.AddHours(-5), 2m, 498m);
        homeAssistant.Store(Import.StatisticId, Nine.AddHours(-2), 2m, 500m); // the last before han's first row
        await using var uploader = Uploader(homeAssistant.Url);

        uploader.Add(Import, Rows(Nine, 1.5m, 0.5m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 4, "the new rows");

        Assert.Empty(homeAssistant.Violations);
        Assert.Equal(new[] { 501.5m, 502m }, homeAssistant.Rows(Import.StatisticId).TakeLast(2).Select(r => r.Sum));
        Assert.Contains(homeAssistant.Messages, m => m.GetProperty("type").GetString() == "recorder/statistics_during_period");
    }

    [Fact]
    public async Task Add_WrongToken_SaysSoOnceWithWhatToDo()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        await using var uploader = Uploader(homeAssistant.Url, token: "a-token-of-nobody");

        uploader.Add(Import, Rows(Nine, 1m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Authentications >= 4, "several tries");

        var refused = Assert.Single(_reports, r => r.Text.Contains("refused the token", StringComparison.Ordinal));
        Assert.Contains("Invalid access token or password", refused.Text, StringComparison.Ordinal);
        Assert.Contains("administrator", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Long-lived access tokens", refused.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("a-token-of-nobody", refused.Text, StringComparison.Ordinal);
        Assert.Empty(homeAssistant.Rows(Import.StatisticId));
    }

    [Fact]
    public async Task Add_HomeAssistantAwayThenBack_QueuedRowsArrive()
    {
        var port = LoopbackPort.Free();
        await using var uploader = Uploader(new Uri($"ws://127.0.0.1:{port}/api/websocket"));

        uploader.Add(Import, Rows(Nine, 1m, 2m));
        await ReportWait.ForAsync(_reports, "cannot reach Home Assistant");
        uploader.Add(Import, RowsAfter(3m, Nine.AddHours(2), 3m));
        await using var homeAssistant = await FakeHomeAssistant.StartAsync(port);
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 3, "the queued rows");

        Assert.Empty(homeAssistant.Violations);
        Assert.Equal(new[] { 1m, 3m, 6m }, homeAssistant.Rows(Import.StatisticId).Select(r => r.Sum));
        Assert.Single(_reports, r => r.Text.Contains("cannot reach Home Assistant", StringComparison.Ordinal));
        Assert.Contains(_reports, r => r.Text.Contains("connected again", StringComparison.Ordinal));
        await homeAssistant.WaitForAsync(() => uploader.Delivered == 3, "han to count the answer"); // stored before it is answered
    }

    [Fact]
    public async Task Add_HomeAssistantRestarts_RowsOfTheMeantimeArriveOnTheNewConnection()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        await using var uploader = Uploader(homeAssistant.Url);
        uploader.Add(Import, Rows(Nine, 1m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 1, "the first row");

        await homeAssistant.StopAsync();
        uploader.Add(Import, RowsAfter(1m, Nine.AddHours(1), 2m));
        await ReportWait.ForAsync(_reports, "cannot reach Home Assistant");
        await homeAssistant.StartAsync();
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 2, "the row of the meantime");

        Assert.Empty(homeAssistant.Violations);
        Assert.Equal(3m, homeAssistant.Rows(Import.StatisticId)[^1].Sum);
        Assert.Equal(2, homeAssistant.Authentications);
    }

    [Fact]
    public async Task Add_ImportRefused_SaysWhyAndDropsTheRows()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        homeAssistant.RefuseImports = ("unauthorized", "Unauthorized");
        await using var uploader = Uploader(homeAssistant.Url);

        uploader.Add(Import, Rows(Nine, 1m, 2m));
        await ReportWait.ForAsync(_reports, "refused the hourly statistics");

        var refused = Assert.Single(_reports, r => r.Text.Contains("refused the hourly statistics", StringComparison.Ordinal));
        Assert.Contains("unauthorized: Unauthorized", refused.Text, StringComparison.Ordinal);
        Assert.Contains("needs the token of an administrator", refused.Text, StringComparison.Ordinal);
        await homeAssistant.WaitForAsync(() => uploader.Dropped == 2, "han to count the refused rows"); // said before counted
        Assert.Equal(0, uploader.Delivered);
    }

    [Fact]
    public async Task Add_HomeAssistantBefore2025_10_GetsTheMetadataItKnows()
    {
        await using var homeAssistant = await FakeHomeAssistant.StartAsync();
        homeAssistant.Legacy = true;
        await using var uploader = Uploader(homeAssistant.Url);

        uploader.Add(Import, Rows(Nine, 1m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 1, "the row");
        uploader.Add(Import, Rows(Nine.AddHours(1), 1m));
        await homeAssistant.WaitForAsync(() => homeAssistant.Rows(Import.StatisticId).Count == 2, "the next row");

        var imports = homeAssistant.Messages.Where(m => m.GetProperty("type").GetString() == "recorder/import_statistics").ToList();
        Assert.Equal(3, imports.Count); // refused once, then only the form it knows
        Assert.False(imports[^1].GetProperty("metadata").TryGetProperty("mean_type", out _));
        Assert.Empty(homeAssistant.Violations);
    }

    /// <summary>Consecutive hours from <paramref name="start"/> with these energies, their sums from 0, as a builder makes them.</summary>
    private static List<StatisticRow> Rows(DateTimeOffset start, params decimal[] states) => RowsAfter(0m, start, states);

    /// <summary>As <see cref="Rows"/>, the builder's sum being <paramref name="sum"/> before them.</summary>
    private static List<StatisticRow> RowsAfter(decimal sum, DateTimeOffset start, params decimal[] states)
    {
        return [.. states.Select((state, i) => new StatisticRow(start.AddHours(i), state, sum += state))];
    }

    private StatisticsUploader Uploader(Uri url, string token = FakeHomeAssistant.GoodToken)
    {
        var options = new HomeAssistantStatisticsOptions(url, token, Oslo)
        {
            RetryFirst = TimeSpan.FromMilliseconds(50),
            RetryAtMost = TimeSpan.FromMilliseconds(200),
            AnswerPatience = TimeSpan.FromSeconds(10),
        };
        return new StatisticsUploader(options, (text, level) => { lock (_reports) { _reports.Add((text, level)); } }, TimeProvider.System);
    }
}
