using System.Text;
using System.Text.Json;
using Han.Live.Fanout;
using Han.Readings;
using Han.Readings.Json;
using Han.Storage.Sql;
using Han.TestCorpus;

namespace Han.Storage.Tests;

/// <summary>
/// What every history store does, run against each database by a subclass (SQLite, a real PostgreSQL).
/// Each test has a store of its own.
/// </summary>
public abstract class HistoryStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Opens this test's store (made on the first call, the same store on later ones).</summary>
    protected abstract Task<IHistoryStore> OpenAsync();

    /// <summary>Runs SQL on this test's store outside han (to make it look like another han's).</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>The migration scripts of this database, in order (script n takes version n to n+1).</summary>
    private protected abstract IReadOnlyList<string> Migrations { get; }

    private int LatestVersion => Migrations.Count;

    [Fact]
    public async Task OpenAsync_EmptyStore_CreatesLatestSchemaVersionAndReopensUnchanged()
    {
        await using (var store = await OpenAsync())
        {
            Assert.Equal(LatestVersion, await ((SqlHistoryStore)store).ReadSchemaVersionAsync(None));
            await store.WriteAsync([StoreReadings.Real("house", RealFrames.AidonList3, StoreReadings.Noon)], None);
        }

        await using (var again = await OpenAsync())
        {
            Assert.Equal(LatestVersion, await ((SqlHistoryStore)again).ReadSchemaVersionAsync(None));
            Assert.Single(await again.ReadListsAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddSeconds(1), None));
        }

        await using var third = await OpenAsync();
        Assert.Equal(LatestVersion, await ((SqlHistoryStore)third).ReadSchemaVersionAsync(None));
    }

    [Fact]
    public async Task OpenAsync_SchemaNewerThanThisHan_RefusesWithVersionsAndLeavesStoreAsItIs()
    {
        await (await OpenAsync()).DisposeAsync();
        await ExecuteAsync("UPDATE schema_version SET version = 7");

        var refusal = await Assert.ThrowsAsync<HistoryStoreException>(OpenAsync);

        Assert.Contains("schema version 7", refusal.Message, StringComparison.Ordinal);
        Assert.Contains($"versions up to {LatestVersion}", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("newer han", refusal.Message, StringComparison.Ordinal);
        await ExecuteAsync($"UPDATE schema_version SET version = {LatestVersion} WHERE version = 7");
        await using var store = await OpenAsync(); // nothing else was touched: opens again once the version is back
        Assert.Equal(LatestVersion, await ((SqlHistoryStore)store).ReadSchemaVersionAsync(None));
    }

    [Fact]
    public async Task WriteAsync_RealCorpusLists_ReadBackExactlyWithTimesAndMeter()
    {
        await using var store = await OpenAsync();
        var received = StoreReadings.Noon.AddMilliseconds(123);
        var written = StoreReadings.RealFrameSet.Select((frame, i) => StoreReadings.Real("house", frame, received.AddSeconds(2.5 * i))).ToList();

        await store.WriteAsync(written, None);

        var stored = await store.ReadListsAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddMinutes(1), None);
        Assert.Equal(written.Count, stored.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var reading = written[i].Reading.Reading;
            Assert.Equal(written[i].At, stored[i].Received);
            Assert.Equal(reading.MeterTime?.ToString(), stored[i].MeterTime);
            Assert.Equal(DecodeJson(reading), stored[i].Json);
            var expected = reading.Values().ToDictionary(value => ReadingFieldInfo.Fields[(int)value.Field].Key, value => value.Value.ToDecimal());
            Assert.NotEmpty(expected);
            Assert.Equal(expected, ListValues.Numbers(stored[i].Json));
        }

        var kamstrup = written[2].Reading.Reading;
        var meter = Assert.Single(await store.ReadMetersAsync(None));
        Assert.Equal(new StoredMeter("house", kamstrup.MeterId, kamstrup.MeterManufacturer, kamstrup.MeterType, kamstrup.ListVersion), meter);
    }

    [Fact]
    public async Task WriteAsync_SameListTwice_StoredAndCountedOnce()
    {
        await using var store = await OpenAsync();
        var list = StoreReadings.Real("house", RealFrames.KaifaList3, StoreReadings.Noon);

        await store.WriteAsync([list], None);
        await store.WriteAsync([list], None);

        Assert.Single(await store.ReadListsAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddMinutes(1), None));
        var minute = Assert.Single(await store.ReadMinutePowerAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddMinutes(1), None));
        Assert.Equal(1, minute.Import!.Count);
    }

    [Fact]
    public async Task WriteAsync_KnownPowerSequenceOverTwoWrites_MinuteMeanMinMaxAndCounts()
    {
        await using var store = await OpenAsync();
        var minute = StoreReadings.Noon;
        // 12:00: import 1000, 2000 W in one write and 3000.5 W in the next; export only in the second list.
        await store.WriteAsync(
            [
                StoreReadings.Power("house", minute.AddSeconds(2), new Measurement(1000, 0)),
                StoreReadings.Power("house", minute.AddSeconds(12), new Measurement(2000, 0), new Measurement(15, 0)),
            ],
            None);
        await store.WriteAsync(
            [
                StoreReadings.Power("house", minute.AddSeconds(59.999), new Measurement(30005, -1)),
                StoreReadings.Power("house", minute.AddMinutes(1), new Measurement(500, 0)),
                StoreReadings.Power("cabin", minute.AddSeconds(30), new Measurement(7, 0)),
            ],
            None);

        var minutes = await store.ReadMinutePowerAsync("house", minute, minute.AddHours(1), None);

        Assert.Equal(2, minutes.Count);
        Assert.Equal(minute, minutes[0].Start);
        Assert.Equal(new PowerSummary(6000.5 / 3, 1000, 3000.5, 3), minutes[0].Import);
        Assert.Equal(new PowerSummary(15, 15, 15, 1), minutes[0].Export);
        Assert.Equal(minute.AddMinutes(1), minutes[1].Start);
        Assert.Equal(new PowerSummary(500, 500, 500, 1), minutes[1].Import);
        Assert.Null(minutes[1].Export);
        var cabin = Assert.Single(await store.ReadMinutePowerAsync("cabin", minute, minute.AddHours(1), None));
        Assert.Equal(new PowerSummary(7, 7, 7, 1), cabin.Import);
    }

    [Fact]
    public async Task UpsertAggregatesAsync_WrittenThenReplaced_ReadsRangeExactlyInOrder()
    {
        await using var store = await OpenAsync();
        var hour = StoreReadings.Noon;
        await store.UpsertAggregatesAsync(
            [
                new EnergyAggregate("house", AggregateResolution.Hour, hour.AddHours(1), 2.5m, null, true, null),
                new EnergyAggregate("house", AggregateResolution.Hour, hour, 1.234567m, 0.001m, true, null),
                new EnergyAggregate("house", AggregateResolution.Hour, hour.AddHours(2), 3m, 0m, true, null),
                new EnergyAggregate("house", AggregateResolution.Day, hour.Date, 40.125m, 1m, false, "estimated: 2 hours missing"),
            ],
            None);
        await store.UpsertAggregatesAsync(
            [new EnergyAggregate("house", AggregateResolution.Hour, hour.AddHours(1), 2.4999994m, null, false, "register went backwards; estimate used")],
            None);

        var hours = await store.ReadAggregatesAsync("house", AggregateResolution.Hour, hour, hour.AddHours(2), None);

        Assert.Equal(
            [
                new EnergyAggregate("house", AggregateResolution.Hour, hour, 1.234567m, 0.001m, true, null),
                new EnergyAggregate("house", AggregateResolution.Hour, hour.AddHours(1), 2.499999m, null, false, "register went backwards; estimate used"),
            ],
            hours);
        var day = Assert.Single(await store.ReadAggregatesAsync("house", AggregateResolution.Day, hour.AddDays(-1), hour.AddDays(1), None));
        Assert.Equal(40.125m, day.ImportKwh);
        Assert.False(day.Exact);
        Assert.Equal("estimated: 2 hours missing", day.Flags);
    }

    [Fact]
    public async Task PruneListsAsync_ListsPastRetention_DeletesOnlyThemAndKeepsMinutesAndAggregates()
    {
        await using var store = await OpenAsync();
        var now = StoreReadings.Noon;
        var old = now.AddDays(-40);
        await store.WriteAsync(
            [
                StoreReadings.Power("house", old, new Measurement(100, 0)),
                StoreReadings.Power("house", now.AddDays(-30).AddSeconds(-1), new Measurement(200, 0)),
                StoreReadings.Power("house", now.AddDays(-30), new Measurement(300, 0)),
                StoreReadings.Power("house", now, new Measurement(400, 0)),
            ],
            None);
        await store.UpsertAggregatesAsync([new EnergyAggregate("house", AggregateResolution.Hour, old, 0.1m, null, true, null)], None);

        var pruned = await RawListRetention.Default.PruneAsync(store, now, None);

        Assert.Equal(2, pruned);
        var left = await store.ReadListsAsync("house", old.AddDays(-1), now.AddDays(1), None);
        Assert.Equal([now.AddDays(-30), now], left.Select(list => list.Received));
        Assert.Equal(4, (await store.ReadMinutePowerAsync("house", old, now.AddDays(1), None)).Count);
        Assert.Equal(0.1m, Assert.Single(await store.ReadAggregatesAsync("house", AggregateResolution.Hour, old, now, None)).ImportKwh);
    }

    [Fact]
    public async Task ReadSpanAsync_EmptyStore_IsNull()
    {
        await using var store = await OpenAsync();

        Assert.Null(await store.ReadSpanAsync(None));
    }

    [Fact]
    public async Task ReadSpanAsync_ListsMinutesAndHours_FromTheFirstStartToTheLastEnd()
    {
        await using var store = await OpenAsync();
        var noon = StoreReadings.Noon;
        await store.WriteAsync([StoreReadings.Power("house", noon.AddSeconds(10), new Measurement(1000, 0))], None);
        await store.UpsertAggregatesAsync(
            [
                new EnergyAggregate("cabin", AggregateResolution.Hour, noon.AddHours(-5), 1m, null, true, null),
                new EnergyAggregate("house", AggregateResolution.Hour, noon.AddHours(-2), 1m, null, true, null),
                // A month starts before its data: day and month aggregates do not stretch the span.
                new EnergyAggregate("house", AggregateResolution.Month, noon.AddDays(-30), 30m, null, true, null),
            ],
            None);

        var span = await store.ReadSpanAsync(None);

        Assert.Equal(new HistorySpan(noon.AddHours(-5), noon.AddMinutes(1)), span);
        await store.UpsertAggregatesAsync([new EnergyAggregate("house", AggregateResolution.Hour, noon.AddHours(2), 1m, null, false, "estimated")], None);
        Assert.Equal(new HistorySpan(noon.AddHours(-5), noon.AddHours(3)), await store.ReadSpanAsync(None));
    }

    [Fact]
    public async Task Description_OpenStore_SaysItsKindAndWhereWithoutAPassword()
    {
        await using var store = await OpenAsync();

        Assert.Contains(store.Description.Kind, new[] { "sqlite", "postgres" });
        Assert.False(string.IsNullOrEmpty(store.Description.Location));
        Assert.DoesNotContain("password", store.Description.Location, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadListsAsync_UnknownMeter_Empty()
    {
        await using var store = await OpenAsync();

        Assert.Empty(await store.ReadListsAsync("nobody", StoreReadings.Noon, StoreReadings.Noon.AddDays(1), None));
        Assert.Empty(await store.ReadAggregatesAsync("nobody", AggregateResolution.Hour, StoreReadings.Noon, StoreReadings.Noon.AddDays(1), None));
    }

    [Fact]
    public async Task WriteAsync_ListsWithAndWithoutRegisters_HourlyRegistersOfThoseWithThemExactWithMeterClock()
    {
        await using var store = await OpenAsync();
        var lists = StoreReadings.RealFrameSet.Select((frame, i) => StoreReadings.Real("house", frame, StoreReadings.Noon.AddHours(i).AddSeconds(5))).ToList();
        lists.Add(StoreReadings.Power("house", StoreReadings.Noon.AddSeconds(30), new Measurement(1000, 0)));

        await store.WriteAsync(lists, None);
        await store.WriteAsync(lists, None); // again: kept once

        var registers = await store.ReadHourlyRegistersAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddDays(1), None);
        var withRegisters = lists.Where(l => l.Reading.Reading.Has(ReadingField.ActiveEnergyImport)).ToList();
        Assert.Equal(2, withRegisters.Count); // Aidon and Kaifa list 3; the power-only list and Kamstrup list 2 carry none
        Assert.Equal(withRegisters.Count, registers.Count);
        for (var i = 0; i < registers.Count; i++)
        {
            var reading = withRegisters[i].Reading.Reading;
            Assert.Equal(withRegisters[i].At, registers[i].ReceivedUtc);
            Assert.Equal(reading[ReadingField.ActiveEnergyImport], registers[i].Import);
            Assert.Equal(reading[ReadingField.ActiveEnergyExport], registers[i].Export);
            Assert.Equal(reading.MeterTime?.Local, registers[i].MeterClock);
        }

        Assert.Empty(await store.ReadHourlyRegistersAsync("nobody", StoreReadings.Noon, StoreReadings.Noon.AddDays(1), None));
    }

    [Fact]
    public async Task OpenAsync_Version1StoreWithData_MigratedToLatestKeepingDataAndFillingHourlyRegisters()
    {
        var withRegisters = StoreReadings.Real("house", RealFrames.KaifaList3, StoreReadings.Noon.AddSeconds(5));
        var kaifa = withRegisters.Reading.Reading;
        var json = DecodeJson(kaifa).Replace("'", "''", StringComparison.Ordinal);
        var noon = StoreReadings.Noon.ToUnixTimeMilliseconds();
        const string powerOnly = """{"active_power_import":1000}""";
        await ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version (version) VALUES (1);");
        await ExecuteAsync(Migrations[0]);
        await ExecuteAsync($"""
            INSERT INTO meters (id, name) VALUES (1, 'house');
            INSERT INTO raw_lists (meter, received, meter_time, reading) VALUES (1, {noon + 5000}, '{kaifa.MeterTime}', '{json}');
            INSERT INTO raw_lists (meter, received, meter_time, reading) VALUES (1, {noon + 7500}, NULL, '{powerOnly}');
            INSERT INTO minute_power (meter, minute_start, import_mean, import_min, import_max, import_count, export_count) VALUES (1, {noon}, 1000, 1000, 1000, 1, 0);
            INSERT INTO energy_aggregates (meter, resolution, period_start, import_mwh, export_mwh, exact, flags) VALUES (1, 'hour', {noon}, 1234567, NULL, {(this is SqliteHistoryStoreTests ? "1" : "TRUE")}, NULL);
            """);

        await using var store = await OpenAsync();

        Assert.Equal(LatestVersion, await ((SqlHistoryStore)store).ReadSchemaVersionAsync(None));
        Assert.Equal(2, (await store.ReadListsAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddMinutes(1), None)).Count);
        Assert.Equal(1000, Assert.Single(await store.ReadMinutePowerAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddMinutes(1), None)).Import!.Mean);
        Assert.Equal(1.234567m, Assert.Single(await store.ReadAggregatesAsync("house", AggregateResolution.Hour, StoreReadings.Noon, StoreReadings.Noon.AddHours(1), None)).ImportKwh);
        var register = Assert.Single(await store.ReadHourlyRegistersAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddHours(1), None));
        Assert.Equal(withRegisters.At, register.ReceivedUtc);
        Assert.Equal(kaifa[ReadingField.ActiveEnergyImport], register.Import);
        Assert.Equal(kaifa[ReadingField.ActiveEnergyExport], register.Export);
        Assert.Equal(kaifa.MeterTime?.Local, register.MeterClock);
    }

    private static string DecodeJson(MeterReading reading)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadingJsonWriter.Options))
        {
            new ReadingJsonWriter().Write(writer, reading);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
