namespace Han.Storage.Tests.Prices;

/// <summary>The price cache tests on a SQLite file in a temporary folder.</summary>
public sealed class SqlitePriceStoreTests : PriceStoreTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-prices-").FullName;

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenSqliteAsync(Path.Combine(_folder, "han.db"), CancellationToken.None);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
