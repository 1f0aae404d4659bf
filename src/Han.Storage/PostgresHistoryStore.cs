using System.Data.Common;
using Han.Storage.Schema;
using Han.Storage.Sql;
using Npgsql;

namespace Han.Storage;

/// <summary>The history in a PostgreSQL database, given by a connection string; the same behaviour as <see cref="SqliteHistoryStore"/>.</summary>
internal sealed class PostgresHistoryStore : SqlHistoryStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresHistoryStore(NpgsqlDataSource dataSource, string where)
    {
        _dataSource = dataSource;
        Where = where;
    }

    protected override string Where { get; }

    public override StoreDescription Description => new("postgres", Where);

    protected override StoreDialect Dialect => PostgresMigrations.Dialect;

    /// <summary>Connects to the database of <paramref name="connectionString"/> and brings its schema up to date.</summary>
    public static async Task<PostgresHistoryStore> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The slim builder leaves out what needs reflection (the trimmed release build); han uses plain types only.
        var dataSource = new NpgsqlSlimDataSourceBuilder(connectionString).Build();
        var store = new PostgresHistoryStore(dataSource, HistoryStores.DescribePostgres(connectionString));
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
