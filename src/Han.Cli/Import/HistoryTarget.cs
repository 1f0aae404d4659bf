using Han.Storage;

namespace Han.Cli.Import;

/// <summary>The history store a command writes to: a SQLite file, or a PostgreSQL database by its connection string.</summary>
internal sealed record HistoryTarget(string? SqlitePath, string? PostgresConnection)
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
