using Han.Cli.Configuration;
using Han.Storage;

namespace Han.Cli.Io;

/// <summary>Opening a store to read it (han export, han cost) and choosing its meter, with the messages both give.</summary>
internal static class StoreReading
{
    /// <summary>The store, or null after saying on <paramref name="error"/> why it cannot be opened.</summary>
    public static async Task<IHistoryStore?> OpenAsync(NamedStore source, string command, TextWriter error, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(error);
        if (source.Location.SqlitePath is { } path && !File.Exists(path))
        {
            // Opening would create an empty store: say what is wrong instead.
            await error.WriteLineAsync($"{command}: {source.NamedBy} {path}: there is no such file; give the file han run writes its history to").ConfigureAwait(false);
            return null;
        }

        try
        {
            return await source.Location.OpenAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is HistoryStoreException or System.Data.Common.DbException or ArgumentException or IOException)
        {
            await error.WriteLineAsync($"{command}: the store of {source.NamedBy} cannot be opened: {problem.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The meter asked for, or the store's only one; else null and why.</summary>
    public static async Task<(string? Meter, string Refusal)> ChooseMeterAsync(IHistoryStore store, string? asked, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        var names = (await store.ReadMetersAsync(cancellation).ConfigureAwait(false)).Select(m => m.Name).ToList();
        var known = names.Count == 0 ? "the store has no meter yet" : "the store has " + string.Join(", ", names);
        return asked switch
        {
            not null when names.Contains(asked, StringComparer.Ordinal) => (asked, string.Empty),
            not null => (null, $"--meter '{asked}' is not in the store; {known}"),
            null when names.Count == 1 => (names[0], string.Empty),
            _ => (null, $"give --meter NAME: {known}"),
        };
    }
}
