using Han.Storage;

namespace Han.Cli.Configuration;

/// <summary>
/// Where a history store is: a SQLite file, or a PostgreSQL database by its connection string. One way to
/// open it for han run, han import and han export (a SQLite file's folder is made when missing).
/// </summary>
internal sealed record HistoryLocation(string? SqlitePath, string? PostgresConnection)
{
    /// <summary>Where it is, for messages (never a password).</summary>
    public string Description => SqlitePath ?? HistoryStores.DescribePostgres(PostgresConnection!);

    public Task<IHistoryStore> OpenAsync(CancellationToken cancellationToken)
    {
        if (SqlitePath is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return HistoryStores.OpenSqliteAsync(path, cancellationToken);
        }

        return HistoryStores.OpenPostgresAsync(PostgresConnection!, cancellationToken);
    }
}
