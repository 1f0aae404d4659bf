using System.Globalization;
using System.Text.Json;
using Han.Readings;
using Han.Storage;
using Han.TestCorpus;

namespace Han.Cli.Tests.Export;

/// <summary>han export over a real SQLite store: every resolution and format writes what was stored, numbers unchanged.</summary>
public sealed class ExportCommandTests
{
    /// <summary>30 March 2025, the spring-forward day in Oslo: 23 hours from local midnight.</summary>
    private static readonly DateTimeOffset SpringDay = new(2025, 3, 29, 23, 0, 0, TimeSpan.Zero);

    private static List<EnergyAggregate> Periods(AggregateResolution resolution, int count, TimeSpan step) =>
        [.. Enumerable.Range(0, count).Select(n => new EnergyAggregate(
            "house",
            resolution,
            SpringDay + (n * step),
            1.5m + (n * 0.125m),
            n % 5 == 0 ? null : n * 0.001m,
            n % 7 != 3,
            n % 7 == 3 ? $"estimated, \"hour {n}\", from power" : null))];

    [Fact]
    public async Task Export_HourCsv_AHeaderAndOneRowPerStoredHourWithTheStoredNumbers()
    {
        await using var store = await ExportStore.CreateAsync();
        var hours = Periods(AggregateResolution.Hour, 30, TimeSpan.FromHours(1));
        await store.Store.UpsertAggregatesAsync(hours, CancellationToken.None);

        var result = await store.ExportAsync("--from", "2025-03-30", "--to", "2025-03-31", "--resolution", "hour", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var rows = ExportStore.Csv(result.Stdout);
        Assert.Equal(["start", "import_kwh", "export_kwh", "exact", "flags"], rows[0]);
        var day = hours.Take(23).ToList(); // the spring-forward day has 23 hours
        Assert.Equal(day.Count, rows.Count - 1);
        Assert.Equal("2025-03-30T00:00:00+01:00", rows[1][0]);
        Assert.Equal("2025-03-30T03:00:00+02:00", rows[3][0]); // 02:00 does not exist that day
        Assert.Equal(day.Select(h => h.ImportKwh), rows.Skip(1).Select(r => ExportStore.Number(r[1])));
        Assert.Equal(day.Select(h => h.ExportKwh), rows.Skip(1).Select(r => ExportStore.Number(r[2])));
        Assert.Equal(day.Select(h => h.Exact ? "true" : "false"), rows.Skip(1).Select(r => r[3]));
        Assert.Equal(day.Select(h => h.Flags ?? string.Empty), rows.Skip(1).Select(r => r[4]));
        Assert.Contains("1.75,0.002,true,\n", result.Stdout, StringComparison.Ordinal); // '.' decimals, no trailing zeros
        Assert.Contains("han export: 23 periods of house from 2025-03-30T00:00:00+01:00 to 2025-03-31T00:00:00+02:00 written to standard output", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("15min", AggregateResolution.FifteenMinutes, 15)]
    [InlineData("hour", AggregateResolution.Hour, 60)]
    [InlineData("day", AggregateResolution.Day, 24 * 60)]
    [InlineData("month", AggregateResolution.Month, 31 * 24 * 60)]
    public async Task Export_EachEnergyResolutionAsJson_OneObjectPerStoredPeriodWithItsNumbers(string name, AggregateResolution resolution, int minutes)
    {
        await using var store = await ExportStore.CreateAsync();
        var periods = Periods(resolution, 12, TimeSpan.FromMinutes(minutes));
        await store.Store.UpsertAggregatesAsync(periods, CancellationToken.None);

        var result = await store.ExportAsync("--from", "2025-03", "--to", "2026-06", "--resolution", name, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.JsonLines;
        Assert.Equal(periods.Count, lines.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            Assert.Equal("house", lines[i].GetProperty("meter").GetString());
            Assert.Equal(name, lines[i].GetProperty("resolution").GetString());
            Assert.Equal(periods[i].Start, DateTimeOffset.Parse(lines[i].GetProperty("start").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(periods[i].ImportKwh, lines[i].GetProperty("import_kwh").GetDecimal());
            Assert.Equal(periods[i].ExportKwh, lines[i].GetProperty("export_kwh").ValueKind == JsonValueKind.Null ? null : lines[i].GetProperty("export_kwh").GetDecimal());
            Assert.Equal(periods[i].Exact, lines[i].GetProperty("exact").GetBoolean());
            Assert.Equal(periods[i].Flags, lines[i].GetProperty("flags").GetString());
        }
    }

    [Fact]
    public async Task Export_MinuteCsvAndJson_MeanMinMaxAndListsOfEachMinute()
    {
        await using var store = await ExportStore.CreateAsync();
        var start = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await store.Store.WriteAsync(
            [ExportStore.Power("house", start, 1000), ExportStore.Power("house", start.AddSeconds(20), 2500), ExportStore.Power("house", start.AddSeconds(40), 1500), ExportStore.Power("house", start.AddMinutes(1), 800)],
            CancellationToken.None);

        var csv = await store.ExportAsync("--from", "2025-06-01", "--to", "2025-06-02", "--resolution", "minute");
        var json = await store.ExportAsync("--from", "2025-06-01", "--to", "2025-06-02", "--resolution", "minute", "--format", "json");

        Assert.Equal(0, csv.ExitCode);
        var rows = ExportStore.Csv(csv.Stdout);
        Assert.Equal(["start", "import_mean", "import_min", "import_max", "import_lists", "export_mean", "export_min", "export_max", "export_lists"], rows[0]);
        Assert.Equal(["2025-06-01T12:00:00+02:00", "1666.6666666666667", "1000", "2500", "3", "", "", "", "0"], rows[1]);
        Assert.Equal(["2025-06-01T12:01:00+02:00", "800", "800", "800", "1", "", "", "", "0"], rows[2]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(2, json.JsonLines.Count);
        Assert.Equal(5000d / 3, json.JsonLines[0].GetProperty("import_mean").GetDouble(), 9);
        Assert.Equal(2500d, json.JsonLines[0].GetProperty("import_max").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.JsonLines[0].GetProperty("export_mean").ValueKind);
    }

    [Fact]
    public async Task Export_RawCsv_ReceivedMeterTimeListVersionAndAColumnForEveryNumberSent()
    {
        await using var store = await ExportStore.CreateAsync();
        var at = new DateTimeOffset(2025, 6, 1, 10, 0, 0, 250, TimeSpan.Zero);
        var lists = new[] { ExportStore.Real("house", RealFrames.AidonList3, at), ExportStore.Power("house", at.AddSeconds(2.5), 1234) };
        await store.Store.WriteAsync(lists, CancellationToken.None);

        var result = await store.ExportAsync("--from", "2025-06-01", "--to", "2025-06-02", "--resolution", "raw");

        Assert.Equal(0, result.ExitCode);
        var rows = ExportStore.Csv(result.Stdout);
        Assert.Equal(["received", "meter_time", "list_version"], rows[0].Take(3));
        var aidon = lists[0].Reading.Reading;
        var sent = ReadingFieldInfo.Fields.Where(f => aidon.Has(f.Field)).Select(f => f.Key).ToList();
        Assert.Equal(sent, rows[0].Skip(3));
        Assert.Contains("voltage_l1", sent);
        Assert.Contains("active_energy_import", sent);
        Assert.Equal("2025-06-01T12:00:00.250+02:00", rows[1][0]);
        Assert.Equal(aidon.MeterTime.ToString(), rows[1][1]);
        Assert.Equal(aidon.ListVersion, rows[1][2]);
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal(aidon[ReadingFieldInfo.Fields.Single(f => f.Key == sent[i]).Field], ExportStore.Number(rows[1][3 + i]));
        }

        // The power-only list: its power, every other column empty.
        Assert.Equal(1234m, ExportStore.Number(rows[2][3 + sent.IndexOf("active_power_import")]));
        Assert.Equal(sent.Count - 1, rows[2].Skip(3).Count(field => field.Length == 0));
    }

    [Fact]
    public async Task Export_RawJson_EachListAsDecodeWritesItWithMeterAndReceived()
    {
        await using var store = await ExportStore.CreateAsync();
        var at = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
        var list = ExportStore.Real("house", RealFrames.KamstrupList2, at);
        await store.Store.WriteAsync([list], CancellationToken.None);

        var result = await store.ExportAsync("--from", "2025-06-01", "--to", "2025-06-02", "--resolution", "raw", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.JsonLines);
        Assert.Equal("house", line.GetProperty("meter").GetString());
        Assert.Equal("2025-06-01T10:00:00.000Z", line.GetProperty("received").GetString());
        Assert.Equal(list.Reading.Reading[ReadingField.ActivePowerImport], line.GetProperty("active_power_import").GetDecimal());
        Assert.Equal(list.Reading.Reading.MeterId, line.GetProperty("meter_id").GetString());
    }

    [Fact]
    public async Task Export_RawOverSeveralDays_EveryListOnceInOrderAcrossTheDaysItIsReadIn()
    {
        await using var store = await ExportStore.CreateAsync();
        // --from 2025-06-01 in Oslo is 31 May 22:00 UTC: the export reads a day at a time from there, so
        // lists just before, at and after each such instant test the seams.
        var from = new DateTimeOffset(2025, 5, 31, 22, 0, 0, TimeSpan.Zero);
        var times = Enumerable.Range(0, 4)
            .SelectMany(day => new[] { -1, 0, 1 }.Select(ms => from.AddDays(day).AddMilliseconds(ms)))
            .Where(at => at >= from && at < from.AddDays(3))
            .ToList();
        await store.Store.WriteAsync([.. times.Select((at, n) => ExportStore.Power("house", at, 100 + n))], CancellationToken.None);

        var csv = await store.ExportAsync("--from", "2025-06-01", "--to", "2025-06-04", "--resolution", "raw");
        var json = await store.ExportAsync("--from", "2025-06-01", "--to", "2025-06-04", "--resolution", "raw", "--format", "json");

        Assert.Equal(0, csv.ExitCode);
        var rows = ExportStore.Csv(csv.Stdout);
        Assert.Equal(times.Count, rows.Count - 1);
        Assert.Equal(times.Select((_, n) => (decimal?)(100 + n)), rows.Skip(1).Select(r => ExportStore.Number(r[3])));
        Assert.Equal(times.Select(t => t.ToUnixTimeMilliseconds()), json.JsonLines.Select(l => DateTimeOffset.Parse(l.GetProperty("received").GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task Export_ToAFile_WrittenThereAndSaidOnStandardError()
    {
        await using var store = await ExportStore.CreateAsync();
        await store.Store.UpsertAggregatesAsync(Periods(AggregateResolution.Day, 3, TimeSpan.FromDays(1)), CancellationToken.None);
        var file = Path.Combine(store.Folder, "days.csv");

        var result = await store.ExportAsync("--from", "2025", "--to", "2026", "--resolution", "day", "--output", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal(4, ExportStore.Csv(await File.ReadAllTextAsync(file)).Count);
        Assert.Contains($"3 periods of house from 2025-01-01T00:00:00+01:00 to 2026-01-01T00:00:00+01:00 written to {file}", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from yesterday --to 2025-02 --resolution hour", "han export: --from 'yesterday' is not a time; give YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("--from 2025-01 --to 2025-02 --resolution week", "han export: --resolution 'week' is not a resolution; give raw, minute, 15min, hour, day, month")]
    [InlineData("--from 2025-01 --to 2025-02", "han export: give --resolution: raw, minute, 15min, hour, day, month")]
    [InlineData("--from 2025-01 --resolution hour", "han export: give both --from and --to")]
    [InlineData("--from 2025-02 --to 2025-01 --resolution hour", "han export: --to (2025-01) must be after --from (2025-02); --to is exclusive")]
    [InlineData("--from 2025-01 --to 2025-02 --resolution hour --format xml", "han export: --format 'xml' is not a format; give csv or json")]
    [InlineData("--from 2025-01 --to 2025-02 --resolution hour --time-zone Mars/Olympus", "han export: --time-zone 'Mars/Olympus' is not a time zone this system knows")]
    [InlineData("--from 2025-01 --to 2025-02 --resolution hour --meter cabin", "han export: --meter 'cabin' is not in the store; the store has house")]
    public async Task Export_BadValue_Exit64NamingTheOptionTheValueAndWhatIsValid(string options, string expected)
    {
        await using var store = await ExportStore.CreateAsync();
        await store.Store.UpsertAggregatesAsync(Periods(AggregateResolution.Hour, 1, TimeSpan.FromHours(1)), CancellationToken.None);

        var result = await store.ExportAsync(options.Split(' '));

        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Export_TwoMetersAndNoMeterOption_Exit64NamingThem()
    {
        await using var store = await ExportStore.CreateAsync();
        await store.Store.UpsertAggregatesAsync(
            [.. Periods(AggregateResolution.Hour, 1, TimeSpan.FromHours(1)), new EnergyAggregate("cabin", AggregateResolution.Hour, SpringDay, 1m, null, true, null)],
            CancellationToken.None);

        var result = await store.ExportAsync("--from", "2025", "--to", "2026", "--resolution", "hour");
        var cabin = await store.ExportAsync("--from", "2025", "--to", "2026", "--resolution", "hour", "--meter", "cabin");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("give --meter NAME: the store has cabin, house", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, cabin.ExitCode);
        Assert.Equal(2, ExportStore.Csv(cabin.Stdout).Count);
    }

    [Fact]
    public async Task Export_NoSuchSqliteFile_Exit1AndNoFileMade()
    {
        var path = Path.Combine(Path.GetTempPath(), "han-test-no-store-" + Guid.NewGuid().ToString("N") + ".db");

        var result = await HanRunner.Run("export", "--sqlite", path, "--from", "2025", "--to", "2026", "--resolution", "hour");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"han export: --sqlite {path}: there is no such file", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Export_NoStoreOptionAndNoConfiguration_Exit78SayingHowToNameTheStore()
    {
        var missing = Path.Combine(Path.GetTempPath(), "han-test-no-config-" + Guid.NewGuid().ToString("N") + ".yaml");

        var result = await HanRunner.Run("export", "--config", missing, "--from", "2025", "--to", "2026", "--resolution", "hour");

        Assert.Equal(78, result.ExitCode);
        Assert.Contains("there is no configuration file here", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(or name the store with --sqlite PATH or --postgres CONNECTION)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NoStoreOption_ReadsTheStoreAndTheZoneOfHanRunsConfiguration()
    {
        await using var store = await ExportStore.CreateAsync();
        await store.Store.UpsertAggregatesAsync(Periods(AggregateResolution.Hour, 2, TimeSpan.FromHours(1)), CancellationToken.None);
        var config = Path.Combine(store.Folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"meters:\n  - name: house\n    source: tcp://127.0.0.1:3001\nstorage:\n  sqlite: {store.Path}\ntime_zone: America/New_York\n");

        var result = await HanRunner.Run("export", "--config", config, "--from", "2025-03-29", "--to", "2025-03-30", "--resolution", "hour");

        Assert.Equal(0, result.ExitCode);
        var rows = ExportStore.Csv(result.Stdout);
        Assert.Equal(["2025-03-29T19:00:00-04:00", "2025-03-29T20:00:00-04:00"], rows.Skip(1).Select(r => r[0]));
    }
}
