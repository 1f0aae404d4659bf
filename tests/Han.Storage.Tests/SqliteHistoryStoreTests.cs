using Microsoft.Data.Sqlite;

namespace Han.Storage.Tests;

/// <summary>The history store tests on a SQLite file in a temporary folder.</summary>
public sealed class SqliteHistoryStoreTests : HistoryStoreTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-test-history-").FullName;

    private string StorePath => Path.Combine(_folder, "history.db");

    protected override async Task<IHistoryStore> OpenAsync() => await HistoryStores.OpenSqliteAsync(StorePath, CancellationToken.None);

    private protected override IReadOnlyList<string> Migrations => Schema.SqliteMigrations.Dialect.Migrations;

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StorePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task OpenSqliteAsync_NewFile_UsesWriteAheadLog()
    {
        await (await OpenAsync()).DisposeAsync();

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StorePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
