using System.Data.Common;
using System.Globalization;

namespace Han.Storage.Schema;

/// <summary>
/// Brings a store to the schema this han writes, at open, in one transaction: reads its version from
/// <c>schema_version</c> (none: an empty store, version 0), runs the scripts after it in order, and
/// records the new version. A store newer than this han is refused and left as it is.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task MigrateAsync(DbConnection connection, StoreDialect dialect, string where, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        if (dialect.LockForMigration is { } lockStatement)
        {
            await ExecuteAsync(connection, transaction, lockStatement, cancellationToken).ConfigureAwait(false);
        }

        var version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (version > dialect.LatestVersion)
        {
            throw new HistoryStoreException(
                $"The history store {where} has schema version {version}, but this han knows versions up to {dialect.LatestVersion}: " +
                "a newer han wrote it. Run that newer han, or give this one another store; han never changes a store newer than itself.");
        }

        for (var next = version; next < dialect.LatestVersion; next++)
        {
            await ExecuteAsync(connection, transaction, dialect.Migrations[next], cancellationToken).ConfigureAwait(false);
        }

        if (version != dialect.LatestVersion)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM schema_version", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO schema_version (version) VALUES (" + dialect.LatestVersion.ToString(CultureInfo.InvariantCulture) + ")",
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version recorded in <c>schema_version</c>, 0 when none is.</summary>
    public static async Task<int> ReadVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
