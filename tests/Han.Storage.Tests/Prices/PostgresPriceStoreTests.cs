using Han.TestCorpus.Servers;

namespace Han.Storage.Tests.Prices;

/// <summary>The price cache tests on a real PostgreSQL server (one per class), a new database per test.</summary>
public sealed class PostgresPriceStoreTests(PostgresServer server) : PriceStoreTests, IClassFixture<PostgresServer>
{
    private readonly string _connectionString = server.CreateDatabase();

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenPostgresAsync(_connectionString, CancellationToken.None);
}
