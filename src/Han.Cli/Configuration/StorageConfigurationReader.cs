using Han.Cli.Io;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>storage:</c> section of <c>han run</c>'s configuration (docs/storage.md):
/// <code>
/// storage:
///   sqlite: /var/lib/han/han.db    # the default: han.db in han's state folder
///   # postgres: "Host=db;Database=han;Username=han"   # or postgres_file: a file holding it (a password)
///   raw_days: 30                   # how long raw lists are kept, 1..3650; aggregates are kept for ever
///   enabled: true                  # false keeps no history
/// </code>
/// </summary>
internal static class StorageConfigurationReader
{
    public const string Section = "storage";

    /// <summary>The settings of the section, as paths below it.</summary>
    public static readonly string[] Keys = ["enabled", "sqlite", "postgres", "postgres_file", "raw_days"];

    /// <param name="stateFolder">han's state folder, where the SQLite file is kept by default.</param>
    public static StorageConfiguration Read(ConfigurationChecker check, string stateFolder)
    {
        ArgumentNullException.ThrowIfNull(check);
        var enabled = check.ReadBool($"{Section}:enabled", true);
        var rawDays = check.ReadInt($"{Section}:raw_days", StorageConfiguration.DefaultRawDays, 1, 3650, "a number of days to keep raw lists for");
        var sqlite = check.Get($"{Section}:sqlite");
        var postgres = check.ReadSecretText($"{Section}:postgres");
        if (sqlite is not null && postgres is not null)
        {
            check.Error($"{sqlite.Name} and {postgres.Value.Source.Name}: give one of them, not both (the history is kept in one database)");
        }

        if (postgres is var (text, source))
        {
            if (enabled && Han.Storage.HistoryStores.CheckPostgres(text) is { } problem)
            {
                // The value may hold a password: named, never shown.
                check.Error($"{source.Name} ({source.Origin}): {problem}; give a connection string as in Host=localhost;Database=han;Username=han");
            }

            return new StorageConfiguration(enabled, StorageKind.Postgres, null, text, rawDays, "storage.postgres");
        }

        var path = sqlite is null ? Path.Combine(stateFolder, StateFolder.HistoryFileName) : enabled ? check.ReadPath($"{Section}:sqlite", 1) : sqlite.Value;
        return new StorageConfiguration(enabled, StorageKind.Sqlite, Path.GetFullPath(path!), null, rawDays, "storage.sqlite");
    }
}
