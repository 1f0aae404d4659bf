using Npgsql;

namespace Han.Storage;

/// <summary>Opens a history store: a SQLite file, or a PostgreSQL database. Either has its schema brought up to date first.</summary>
public static class HistoryStores
{
    public static async Task<IHistoryStore> OpenSqliteAsync(string path, CancellationToken cancellationToken) =>
        await SqliteHistoryStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);

    public static async Task<IHistoryStore> OpenPostgresAsync(string connectionString, CancellationToken cancellationToken) =>
        await PostgresHistoryStore.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);

    /// <summary>What is wrong with a PostgreSQL connection string (without repeating it: it may hold a password), or null when it reads well.</summary>
    public static string? CheckPostgres(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrEmpty(builder.Host) ? "the connection string names no Host" : null;
        }
        catch (ArgumentException problem)
        {
            return $"is not a PostgreSQL connection string ({problem.Message})";
        }
    }

    /// <summary>The host, port and database of a connection string, for messages: never its password.</summary>
    public static string DescribePostgres(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
