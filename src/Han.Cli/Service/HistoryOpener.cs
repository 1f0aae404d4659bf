using System.Data.Common;
using System.Net.Sockets;
using Han.Cli.Configuration;
using Han.Storage;
using Han.Trust;

namespace Han.Cli.Service;

/// <summary>
/// Opens <c>han run</c>'s history as configured (docs/storage.md). A store that cannot be opened (a
/// folder han may not write, a database that refuses han's user, a store of a newer han) is a
/// <see cref="ConfigurationException"/> naming the setting, so han stops with exit code 78 like any
/// other configuration problem, rather than run for months without the history it was asked to keep.
/// A database server that does not answer yet (PostgreSQL still starting at boot, a network that is not
/// up) is not a configuration problem: han waits for it a while, then stops with
/// <see cref="HistoryUnavailableException"/> (exit code 69), which systemd restarts.
/// </summary>
internal static class HistoryOpener
{
    /// <summary>How long han run waits at start for a database server that does not answer.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    /// <summary>The history, or null when <c>storage.enabled</c> is false.</summary>
    /// <param name="log">Where the wait for a server that does not answer is told (han run's standard error).</param>
    public static async Task<HistoryService?> OpenAsync(StorageConfiguration storage, TimeZoneInfo zone, TextWriter log, TimeProvider clock, TimeSpan patience, CancellationToken cancellationToken)
    {
        if (!storage.Enabled)
        {
            return null;
        }

        // The state folder is made on first use (as for the remembered line settings); a configured file's folder was checked.
        var location = storage.Kind == StorageKind.Sqlite ? new HistoryLocation(storage.SqlitePath, null) : new HistoryLocation(null, storage.PostgresConnectionString);
        var giveUp = clock.GetUtcNow() + patience;
        var told = false;
        while (true)
        {
            try
            {
                var store = await location.OpenAsync(cancellationToken).ConfigureAwait(false);
                return new HistoryService(store, new TrustOptions { Zone = zone }, storage.Where);
            }
            catch (Exception problem) when (IsNotAnswering(problem) && clock.GetUtcNow() < giveUp)
            {
                if (!told)
                {
                    told = true;
                    await log.WriteLineAsync($"han run: {storage.Setting}: the history ({storage.Where}) does not answer yet ({problem.Message}); trying again every {RetryEvery.TotalSeconds:0} s for up to {patience.TotalSeconds:0} s").ConfigureAwait(false);
                }

                await Task.Delay(RetryEvery, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception problem) when (IsNotAnswering(problem))
            {
                throw new HistoryUnavailableException($"{storage.Setting}: the history ({storage.Where}) did not answer within {patience.TotalSeconds:0} s: {problem.Message}; check that the database server runs and can be reached (han stops with exit code 69, and the systemd unit starts it again)", problem);
            }
            catch (Exception problem) when (problem is DbException or HistoryStoreException or IOException or UnauthorizedAccessException or TimeoutException or ArgumentException)
            {
                var advice = storage.Kind == StorageKind.Sqlite
                    ? "han's user must be able to create and write the file and its folder; or set storage.sqlite to another file"
                    : "check that the server runs and takes han's user and password; or set storage.sqlite to keep the history in a file";
                throw new ConfigurationException($"{storage.Setting}: the history ({storage.Where}) cannot be opened: {problem.Message}; {advice} (or storage.enabled: false to keep none)");
            }
        }
    }

    /// <summary>
    /// A server that may answer later: the connection refused or timed out, or the server said it is
    /// starting or too busy (<see cref="DbException.IsTransient"/>, which Npgsql sets for these). A wrong
    /// password or a database that does not exist is not transient.
    /// </summary>
    private static bool IsNotAnswering(Exception problem) =>
        problem is DbException { IsTransient: true } or TimeoutException || problem.InnerException is SocketException;
}
