namespace Han.Cli.Configuration;

/// <summary>Which database keeps the history.</summary>
internal enum StorageKind
{
    /// <summary>One SQLite file (the default: <c>han.db</c> in han's state folder).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, given by a connection string.</summary>
    Postgres,
}

/// <summary>
/// The <c>storage:</c> section (docs/storage.md), checked: where the history is kept and how long raw
/// lists are. Storage is on unless <c>enabled: false</c>; without the section, SQLite in the state folder.
/// </summary>
/// <param name="Enabled">False: no history is kept (no store is opened).</param>
/// <param name="SqlitePath">The SQLite file, when <paramref name="Kind"/> is SQLite.</param>
/// <param name="PostgresConnectionString">The connection string (may hold a password: never shown), when PostgreSQL.</param>
/// <param name="RawDays">How many days raw lists are kept (aggregates and hourly registers are kept for ever).</param>
/// <param name="Setting">The setting that named the store, for messages: <c>storage.sqlite</c> or <c>storage.postgres</c>.</param>
internal sealed record StorageConfiguration(bool Enabled, StorageKind Kind, string? SqlitePath, string? PostgresConnectionString, int RawDays, string Setting)
{
    public const int DefaultRawDays = 30;

    /// <summary>Where the history is, for the log and <c>--check</c>: the file, or the PostgreSQL host and database (never the password).</summary>
    public string Where => Kind == StorageKind.Sqlite ? $"SQLite {SqlitePath}" : $"PostgreSQL {Han.Storage.HistoryStores.DescribePostgres(PostgresConnectionString!)}";

    public TimeSpan RawListRetention => TimeSpan.FromDays(RawDays);
}
