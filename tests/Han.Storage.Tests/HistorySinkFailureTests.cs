using Han.Live.Fanout;
using Han.Readings;
using Han.TestCorpus.Servers;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Han.Storage.Tests;

/// <summary>
/// The batched writer while a real store fails: a real PostgreSQL database made read-only (and its
/// sessions ended, so the store's pooled connections take the new setting), then writable again.
/// </summary>
public sealed class HistorySinkFailureTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _connectionString = server.CreateDatabase();
    private readonly FakeTimeProvider _clock = new(StoreReadings.Noon);

    [Fact]
    public async Task FlushAsync_StoreFailsLongerThanTheCap_KeepsTheNewestDropsAndCountsTheOldestAndTellsOnce()
    {
        await using var store = await HistoryStores.OpenPostgresAsync(_connectionString, CancellationToken.None);
        var told = new List<(string Text, NoteLevel Level)>();
        var sink = new HistorySink(store, "history house", _clock, new HistorySinkOptions { MaxPending = 5, Report = (text, level) => { lock (told) { told.Add((text, level)); } } });
        await SetReadOnlyAsync(true);
        var readings = Enumerable.Range(0, 8).Select(i => StoreReadings.Power("house", StoreReadings.Noon.AddSeconds(2.5 * i), new Measurement(1000 + i, 0))).ToList();

        foreach (var reading in readings)
        {
            await sink.WriteAsync(reading, CancellationToken.None);
            await sink.FlushAsync(CancellationToken.None); // fails: told, not thrown
        }

        Assert.Equal(3, sink.Dropped);
        Assert.Equal(5, sink.Pending);
        Assert.Single(told, t => t.Level == NoteLevel.Error && t.Text.StartsWith("history house: writing to the history failed", StringComparison.Ordinal));
        Assert.Single(told, t => t.Level == NoteLevel.Warning && t.Text == "history house: 5 readings are waiting for the store; the oldest are dropped from now on, until it works again");

        await SetReadOnlyAsync(false);
        var deadline = DateTime.UtcNow + Patience;
        while (sink.Pending > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the sink did not write once the store was writable again");
            await sink.FlushAsync(CancellationToken.None); // the first may meet a pooled connection that was ended
        }

        var stored = await store.ReadListsAsync("house", StoreReadings.Noon, StoreReadings.Noon.AddMinutes(1), CancellationToken.None);
        Assert.Equal(readings.Skip(3).Select(r => r.At), stored.Select(s => s.Received));
        Assert.Contains(told, t => t.Text == "history house: writing to the history again; 3 of the oldest readings were dropped meanwhile");
        await sink.DisposeAsync();
        Assert.Equal(3, sink.Dropped);
    }

    /// <summary>Makes the database refuse writes (or take them again) for every new session, and ends the sessions open now.</summary>
    private async Task SetReadOnlyAsync(bool readOnly)
    {
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var command = admin.CreateCommand();
        command.CommandText = $"""
            ALTER DATABASE {database} SET default_transaction_read_only = {(readOnly ? "on" : "off")};
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid();
            """;
        await command.ExecuteNonQueryAsync();
    }
}
