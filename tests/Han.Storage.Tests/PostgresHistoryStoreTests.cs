using Han.TestCorpus.Servers;
using Npgsql;

namespace Han.Storage.Tests;

/// <summary>The history store tests on a real PostgreSQL server (one per class), a new database per test.</summary>
public sealed class PostgresHistoryStoreTests(PostgresServer server) : HistoryStoreTests, IClassFixture<PostgresServer>
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenPostgresAsync(_connectionString, CancellationToken.None);

    private protected override IReadOnlyList<string> Migrations => Schema.PostgresMigrations.Dialect.Migrations;

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
