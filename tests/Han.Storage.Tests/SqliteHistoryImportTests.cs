namespace Han.Storage.Tests;

/// <summary>The import tests on a SQLite file in a temporary folder.</summary>
public sealed class SqliteHistoryImportTests : HistoryImportTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-import-").FullName;

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenSqliteAsync(Path.Combine(_folder, "history.db"), CancellationToken.None);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
