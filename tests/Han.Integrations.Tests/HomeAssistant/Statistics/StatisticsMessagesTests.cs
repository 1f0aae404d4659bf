using System.Text.Json;
using Han.Integrations.HomeAssistant.Statistics;
using Han.Readings;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>The messages han sends Home Assistant, checked against the schema of integrations.md §1.9.</summary>
public sealed class StatisticsMessagesTests
{
    private static readonly StatisticSeries Import = StatisticSeries.For(ReadingField.ActiveEnergyImport, "6970631406021485", "house");

    [Theory]
    [InlineData("6970631406021485", "house", "han:6970631406021485_energy_import")]
    [InlineData("MA304H4D  ", "house", "han:ma304h4d_energy_import")]
    [InlineData("__Kfm--001__x", "house", "han:kfm_001_x_energy_import")]
    [InlineData(null, "cabin-2", "han:cabin_2_energy_import")]
    [InlineData("", "", "han:meter_energy_import")]
    public void For_AnyMeterId_GivesAnIdHomeAssistantAccepts(string? meterId, string meterName, string expected)
    {
        var series = StatisticSeries.For(ReadingField.ActiveEnergyImport, meterId, meterName);

        Assert.Equal(expected, series.StatisticId);
        Assert.Matches(ImportStatisticsSchema.ExternalStatisticId(), series.StatisticId);
    }

    [Fact]
    public void Import_Rows_FollowTheSchemaWithExactNumbers()
    {
        var rows = new[]
        {
            new StatisticRow(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1)), 1.234m, 1.234m),
            new StatisticRow(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)), 0.987m, 2.221m),
        };

        using var message = JsonDocument.Parse(StatisticsMessages.Import(7, Import, rows, 100m));
        var root = message.RootElement;

        Assert.Empty(ImportStatisticsSchema.Check(root));
        Assert.Equal(7, root.GetProperty("id").GetInt32());
        Assert.Equal("recorder/import_statistics", root.GetProperty("type").GetString());
        var metadata = root.GetProperty("metadata");
        Assert.Equal("han", metadata.GetProperty("source").GetString());
        Assert.Equal("kWh", metadata.GetProperty("unit_of_measurement").GetString());
        Assert.Equal("energy", metadata.GetProperty("unit_class").GetString());
        Assert.Equal(0, metadata.GetProperty("mean_type").GetInt32());
        Assert.True(metadata.GetProperty("has_sum").GetBoolean());
        Assert.False(metadata.GetProperty("has_mean").GetBoolean());
        var stats = root.GetProperty("stats").EnumerateArray().ToList();
        Assert.Equal("2026-03-01T09:00:00+01:00", stats[0].GetProperty("start").GetString());
        Assert.Equal("1.234", stats[0].GetProperty("state").GetRawText());
        Assert.Equal("102.221", stats[1].GetProperty("sum").GetRawText());
    }

    [Fact]
    public void Import_Legacy_LeavesOutWhatOlderVersionsRefuse()
    {
        using var message = JsonDocument.Parse(StatisticsMessages.Import(1, Import, [], 0m, legacy: true));
        var metadata = message.RootElement.GetProperty("metadata");

        Assert.False(metadata.TryGetProperty("mean_type", out _));
        Assert.False(metadata.TryGetProperty("unit_class", out _));
        Assert.False(metadata.GetProperty("has_mean").GetBoolean());
    }

    [Fact]
    public void SumsDuringPeriod_AsksForHourlySumsOfOneStatistic()
    {
        var until = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

        using var message = JsonDocument.Parse(StatisticsMessages.SumsDuringPeriod(3, Import.StatisticId, until.AddDays(-30), until));
        var root = message.RootElement;

        Assert.Equal("recorder/statistics_during_period", root.GetProperty("type").GetString());
        Assert.Equal("2026-01-30T09:00:00+01:00", root.GetProperty("start_time").GetString());
        Assert.Equal("2026-03-01T09:00:00+01:00", root.GetProperty("end_time").GetString());
        Assert.Equal(Import.StatisticId, Assert.Single(root.GetProperty("statistic_ids").EnumerateArray()).GetString());
        Assert.Equal("hour", root.GetProperty("period").GetString());
        Assert.Equal("sum", Assert.Single(root.GetProperty("types").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("2026-03-01T09:00:00", "naive")]
    [InlineData("2026-03-01T09:30:00+01:00", "not exactly on the hour")]
    [InlineData("2026-03-01T09:00:01Z", "not exactly on the hour")]
    public void Schema_BadStart_IsFound(string start, string expected)
    {
        // The schema of the test server must itself catch what Home Assistant refuses, or it proves nothing.
        var json = $$"""{"id":1,"type":"recorder/import_statistics","metadata":{"statistic_id":"han:x_energy_import","source":"han","name":null,"unit_of_measurement":"kWh","has_sum":true},"stats":[{"start":"{{start}}","sum":1}]}""";
        using var message = JsonDocument.Parse(json);

        Assert.Contains(ImportStatisticsSchema.Check(message.RootElement), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("han:x__y", "han", "does not match")]
    [InlineData("han:House", "han", "does not match")]
    [InlineData("han:x_", "han", "does not match")]
    [InlineData("han:x", "recorder", "is not the domain")]
    public void Schema_BadIdOrSource_IsFound(string id, string source, string expected)
    {
        var json = $$"""{"id":1,"metadata":{"statistic_id":"{{id}}","source":"{{source}}","name":null,"unit_of_measurement":"kWh","has_sum":true,"colour":1},"stats":[]}""";
        using var message = JsonDocument.Parse(json);
        var problems = ImportStatisticsSchema.Check(message.RootElement);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("colour: extra keys", StringComparison.Ordinal));
    }
}
