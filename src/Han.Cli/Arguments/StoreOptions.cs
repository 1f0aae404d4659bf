using System.CommandLine;
using Han.Cli.Configuration;

namespace Han.Cli.Arguments;

/// <summary>
/// The options that name the history store a command reads (han export, han cost): <c>--sqlite</c> or
/// <c>--postgres</c>, else the <c>storage:</c> of han run's configuration (<c>--config</c>), so that a
/// command reads what the service writes without repeating where; and <c>--meter</c>.
/// </summary>
internal sealed class StoreOptions
{
    private readonly Option<string> _config;
    private readonly Option<string?> _meter = new("--meter") { Description = "The meter, by its configured name. Optional when the store has one meter." };
    private readonly Option<string?> _sqlite = new("--sqlite") { Description = "Read the history from this SQLite file instead of the configuration's storage.", HelpName = "PATH" };
    private readonly Option<string?> _postgres = new("--postgres") { Description = "Read the history from this PostgreSQL database (a connection string, as in Host=pi;Database=han;Username=han) instead of the configuration's storage.", HelpName = "CONNECTION" };

    /// <param name="configUse">What the command takes from the configuration, for --config's help.</param>
    public StoreOptions(string configUse)
    {
        _config = new("--config", "-c")
        {
            Description = $"han run's configuration, for {configUse}. Default: {ConfigurationFile.DefaultPath}.",
            DefaultValueFactory = _ => ConfigurationFile.DefaultPath,
        };
    }

    public IEnumerable<Option> All => [_config, _meter, _sqlite, _postgres];

    public string? Meter(ParseResult parse) => parse.GetValue(_meter);

    public string ConfigurationPath(ParseResult parse) => parse.GetValue(_config)!;

    /// <summary>Whether --config was written on the command line (not its default).</summary>
    public bool ConfigurationGiven(ParseResult parse) => parse.GetResult(_config) is { Implicit: false };

    /// <summary>The store --sqlite or --postgres names; null when neither is given; a problem when both are.</summary>
    public (NamedStore? Store, string? Problem) ExplicitStore(ParseResult parse)
    {
        var (sqlite, postgres) = (parse.GetValue(_sqlite), parse.GetValue(_postgres));
        if (sqlite is not null && postgres is not null)
        {
            return (null, "give either --sqlite or --postgres, not both");
        }

        return (sqlite is not null ? new NamedStore(new HistoryLocation(sqlite, null), "--sqlite")
            : postgres is not null ? new NamedStore(new HistoryLocation(null, postgres), "--postgres")
            : null, null);
    }

    /// <summary>han run's configuration at --config; or why it cannot be read, with how to do without it.</summary>
    public static (RunConfiguration? Configuration, string? Problem) ReadConfiguration(string path)
    {
        try
        {
            return (ConfigurationFile.Read(path, ConfigurationFile.ProcessEnvironment()), null);
        }
        catch (ConfigurationException problem)
        {
            return (null, $"{path}: {problem.Message.Replace("\n", "; ", StringComparison.Ordinal)} (or name the store with --sqlite PATH or --postgres CONNECTION)");
        }
    }

    /// <summary>The store of a configuration's <c>storage:</c>; or why it has none.</summary>
    public static (NamedStore? Store, string? Problem) ConfiguredStore(RunConfiguration configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var storage = configuration.Storage;
        if (!storage.Enabled)
        {
            return (null, $"{path}: storage.enabled is false, so han run keeps no history; name a store with --sqlite PATH or --postgres CONNECTION");
        }

        return (storage.Kind == StorageKind.Sqlite
            ? new NamedStore(new HistoryLocation(storage.SqlitePath, null), storage.Setting)
            : new NamedStore(new HistoryLocation(null, storage.PostgresConnectionString), storage.Setting), null);
    }
}
