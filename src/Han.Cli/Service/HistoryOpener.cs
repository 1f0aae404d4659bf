using System.Data.Common;
using Han.Cli.Configuration;
using Han.Storage;
using Han.Trust;

namespace Han.Cli.Service;

/// <summary>
/// Opens <c>han run</c>'s history as configured (docs/storage.md): a store that cannot be opened (a
/// folder han may not write, a database that refuses the connection, a store of a newer han) is a
/// <see cref="ConfigurationException"/> naming the setting, so han stops with exit code 78 like any
/// other configuration problem, rather than run for months without the history it was asked to keep.
/// </summary>
internal static class HistoryOpener
{
    /// <summary>The history, or null when <c>storage.enabled</c> is false.</summary>
    public static async Task<HistoryService?> OpenAsync(StorageConfiguration storage, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (!storage.Enabled)
        {
            return null;
        }

        IHistoryStore store;
        try
        {
            // The state folder is made on first use (as for the remembered line settings); a configured file's folder was checked.
            var location = storage.Kind == StorageKind.Sqlite ? new HistoryLocation(storage.SqlitePath, null) : new HistoryLocation(null, storage.PostgresConnectionString);
            store = await location.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is DbException or HistoryStoreException or IOException or UnauthorizedAccessException or TimeoutException or ArgumentException)
        {
            var advice = storage.Kind == StorageKind.Sqlite
                ? "han's user must be able to create and write the file and its folder; or set storage.sqlite to another file"
                : "check that the server runs and takes han's user and password; or set storage.sqlite to keep the history in a file";
            throw new ConfigurationException($"{storage.Setting}: the history ({storage.Where}) cannot be opened: {problem.Message}; {advice} (or storage.enabled: false to keep none)");
        }

        return new HistoryService(store, new TrustOptions { Zone = zone }, storage.Where);
    }
}
