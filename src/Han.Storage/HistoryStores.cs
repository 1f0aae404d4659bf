namespace Han.Storage;

/// <summary>Opens a history store: a SQLite file, or a PostgreSQL database. Either has its schema brought up to date first.</summary>
public static class HistoryStores
{
    public static async Task<IHistoryStore> OpenSqliteAsync(string path, CancellationToken cancellationToken) =>
        await SqliteHistoryStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);

    public static async Task<IHistoryStore> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken) =>
        await PostgresHistoryStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
}
