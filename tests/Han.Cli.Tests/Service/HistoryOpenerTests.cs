using Han.Cli.Configuration;
using Han.Cli.Service;
using Han.TestCorpus.Servers;
using Npgsql;

namespace Han.Cli.Tests.Service;

/// <summary>
/// han run opening a PostgreSQL history whose server does not answer yet (a boot where han starts before
/// PostgreSQL): it waits, and stops with exit code 69 (restarted by systemd) only when the server never
/// comes; a wrong database is still a configuration problem (78), which waiting cannot fix.
/// </summary>
public sealed class HistoryOpenerTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public async Task Open_ServerNeverAnswers_WaitsItsPatienceThenSaysUnavailable()
    {
        var port = LoopbackPort.Free();
        var storage = Postgres($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=2");
        using var told = new StringWriter();

        var problem = await Assert.ThrowsAsync<HistoryUnavailableException>(() =>
            HistoryOpener.OpenAsync(storage, Oslo, told, TimeProvider.System, TimeSpan.FromSeconds(6), CancellationToken.None));

        Assert.Contains($"han run: storage.postgres: the history (PostgreSQL postgresql://127.0.0.1:{port}/postgres) does not answer yet (", told.ToString(), StringComparison.Ordinal);
        Assert.Single(told.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)); // told once, not at every try
        Assert.StartsWith($"storage.postgres: the history (PostgreSQL postgresql://127.0.0.1:{port}/postgres) did not answer within 6 s: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 69", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DatabaseThatDoesNotExist_IsAConfigurationProblemAtOnce()
    {
        using var server = new PostgresServer();
        var storage = Postgres(server.ConnectionString("no_such_database"));
        using var told = new StringWriter();

        var problem = await Assert.ThrowsAsync<ConfigurationException>(() =>
            HistoryOpener.OpenAsync(storage, Oslo, told, TimeProvider.System, TimeSpan.FromMinutes(5), CancellationToken.None));

        Assert.Contains("storage.postgres: the history (PostgreSQL ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_database", problem.Message, StringComparison.Ordinal);
        Assert.Equal("", told.ToString()); // no waiting: a wrong name does not get right by itself
    }

    [Fact]
    public async Task Run_PostgresStartsAfterHan_HanWaitsThenKeepsTheHistoryThere()
    {
        var folder = Directory.CreateTempSubdirectory("han-run-postgres-late-").FullName;
        try
        {
            var databasePort = LoopbackPort.Free();
            var meterPort = LoopbackPort.Free();
            var config = Path.Combine(folder, "han.yaml");
            await File.WriteAllTextAsync(config, $"meters:\n  - name: house\n    source: tcp://127.0.0.1:{meterPort}\nstorage:\n  postgres: \"Host=127.0.0.1;Port={databasePort};Username=postgres;Database=postgres;Timeout=2\"\n");
            var service = Shell.Start($"exec \"$HAN\" run --config {config}", folder, timeoutSeconds: 120);
            await service.WaitForErrorAsync("does not answer yet");

            using var server = PostgresServer.OnPort(databasePort);
            await service.WaitForErrorAsync("han run: reading house", timeoutSeconds: 30);
            var simulator = Shell.Start($"exec \"$HAN\" simulate --meter aidon --speed 20 --duration 2m --seed 3 --serve tcp://127.0.0.1:{meterPort}", folder, timeoutSeconds: 60);
            await simulator.Completion;
            service.Signal("TERM");
            var result = await service.Completion;

            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"history kept in PostgreSQL postgresql://127.0.0.1:{databasePort}/postgres", result.Stderr, StringComparison.Ordinal);
            await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM raw_lists", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! > 0, "no list reached PostgreSQL");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static StorageConfiguration Postgres(string connectionString) =>
        new(Enabled: true, StorageKind.Postgres, null, connectionString, StorageConfiguration.DefaultRawDays, "storage.postgres");
}
