namespace Han.Cli.Io;

/// <summary>
/// Where han keeps what it learns between runs (the line setting found for each device, the last hourly
/// register closed for Home Assistant's statistics): the folder
/// systemd gives a service (<c>$STATE_DIRECTORY</c>, /var/lib/han), else the user's state folder
/// (<c>$XDG_STATE_HOME/han</c>, by default ~/.local/state/han). Read here, in the composition root, and
/// passed on: nothing deeper reads the environment.
/// </summary>
internal static class StateFolder
{
    public static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } service)
        {
            return service.Split(':')[0];
        }

        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return Path.Combine(state, "han");
    }

    /// <summary>The file of remembered line settings.</summary>
    public static string LineSettingsFile => Path.Combine(Resolve(), "line-settings.json");

    /// <summary>The name of the history's SQLite file in a state folder when no other is configured.</summary>
    public const string HistoryFileName = "han.db";

    /// <summary>The history (SQLite) when no store is configured, as han run's storage: section has it by default.</summary>
    public static string HistoryFile => Path.Combine(Resolve(), HistoryFileName);

    /// <summary>The file of the last hourly registers closed for Home Assistant's statistics, and of the rows still waiting for Home Assistant.</summary>
    public static string StatisticsPositionsFile => Path.Combine(Resolve(), "homeassistant-statistics.json");
}
