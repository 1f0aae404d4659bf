using System.Data.Common;
using Han.Storage.Schema;
using Han.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Han.Storage;

/// <summary>
/// The history in one SQLite file (the default; embedded, in han's state folder). Write-ahead log,
/// so readers (the dashboard, exports) never wait for the writer and a crash leaves the last committed
/// transaction whole; synchronous=NORMAL, so a commit does not wait for the disk: a power cut may lose
/// the last commits but never corrupts the file (https://www.sqlite.org/wal.html,
/// https://www.sqlite.org/pragma.html#pragma_synchronous). A busy timeout lets a second process
/// (han export while han run writes) wait for the lock instead of failing.
/// </summary>
internal sealed class SqliteHistoryStore : SqlHistoryStore
{
    private const int BusyTimeoutMilliseconds = 10_000;
    private readonly string _connectionString;
    private readonly string _path;

    private SqliteHistoryStore(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    protected override string Where => _path;

    public override StoreDescription Description => new("sqlite", _path);

    protected override StoreDialect Dialect => SqliteMigrations.Dialect;

    /// <summary>Opens (or creates) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    public static async Task<SqliteHistoryStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var store = new SqliteHistoryStore(Path.GetFullPath(path));
        await using (var connection = await store.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            // Kept in the file: every later connection, of any process, uses the write-ahead log.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        }

        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection, not kept in the file.
            await ExecuteAsync(connection, $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; closing them lets the WAL be checkpointed and the file moved.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
