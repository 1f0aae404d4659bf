using Han.Cli.Configuration;

namespace Han.Cli.Tests.Configuration;

/// <summary>The <c>storage:</c> section and the top-level <c>time_zone</c>: on by default in the state folder, SQLite or PostgreSQL, retention, and each bad value named.</summary>
public sealed class StorageConfigurationReaderTests
{
    private const string OneMeter = "meters:\n  - name: house\n    source: /dev/ttyUSB0\n";
    private const string StateFolder = "/var/lib/han-test-state";
    private const string Connection = "Host=db.local;Port=5433;Database=han;Username=han;Password=hunter2hunter2";

    [Fact]
    public void Read_NoSection_SqliteInTheStateFolderKeepingRawLists30Days()
    {
        var storage = Read(OneMeter).Storage;

        Assert.True(storage.Enabled);
        Assert.Equal(StorageKind.Sqlite, storage.Kind);
        Assert.Equal(Path.Combine(StateFolder, "han.db"), storage.SqlitePath);
        Assert.Equal(30, storage.RawDays);
    }

    [Fact]
    public void Read_SqlitePathAndRawDays_TakesThem()
    {
        var storage = Read(OneMeter + "storage:\n  sqlite: /srv/han/history.db\n  raw_days: 90\n").Storage;

        Assert.Equal("/srv/han/history.db", storage.SqlitePath);
        Assert.Equal(TimeSpan.FromDays(90), storage.RawListRetention);
        Assert.Equal("storage.sqlite", storage.Setting);
    }

    [Fact]
    public void Read_PostgresFile_TakesTheConnectionStringAndNeverShowsThePassword()
    {
        var configuration = Read(OneMeter + "storage:\n  postgres_file: /etc/han/postgres\n");

        Assert.Equal(StorageKind.Postgres, configuration.Storage.Kind);
        Assert.Equal(Connection, configuration.Storage.PostgresConnectionString);
        Assert.Equal("storage.postgres", configuration.Storage.Setting);
        var summary = ConfigurationSummary.Describe("/etc/han/han.yaml", configuration);
        Assert.Contains("storage: PostgreSQL postgresql://db.local:5433/han, raw lists kept 30 days", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EnabledFalse_StorageOff()
    {
        var configuration = Read(OneMeter + "storage:\n  enabled: false\n");

        Assert.False(configuration.Storage.Enabled);
        Assert.Contains("storage: off", ConfigurationSummary.Describe("/etc/han/han.yaml", configuration), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage:\n  raw_days: 0\n", "storage.raw_days (han.yaml line 5): '0' is not a number of days to keep raw lists for: a whole number from 1 to 3650")]
    [InlineData("storage:\n  sqlite: /srv/han/h.db\n  postgres: Host=db\n", "storage.sqlite and storage.postgres: give one of them, not both")]
    [InlineData("storage:\n  sqlite: /nowhere/han/h.db\n", "storage.sqlite (han.yaml line 5): '/nowhere/han/h.db' is in a folder that does not exist (/nowhere/han)")]
    [InlineData("storage:\n  postgres: Host=db;Bogus=1\n", "storage.postgres (han.yaml line 5): is not a PostgreSQL connection string")]
    [InlineData("storage:\n  sqlit: /srv/han/h.db\n", "storage.sqlit (han.yaml line 5): unknown setting; did you mean sqlite?")]
    [InlineData("time_zone: Europe/Olso\n", "time_zone (han.yaml line 4): 'Europe/Olso' is not a time zone this system knows; give an IANA zone, as in Europe/Oslo")]
    public void Read_BadSetting_NamesItTheValueAndWhatIsValid(string section, string expected)
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + section));

        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TimeZone_UsedForTheHistoryAndAsHomeAssistantStatisticsDefault()
    {
        var configuration = Read("time_zone: Europe/Oslo\n" + OneMeter + "homeassistant:\n  statistics:\n    url: http://ha.local:8123\n    token: abc\n");

        Assert.Equal("Europe/Oslo", configuration.TimeZone.Id);
        Assert.Equal("Europe/Oslo", configuration.HomeAssistant!.Statistics!.TimeZone.Id);
    }

    private static RunConfiguration Read(string yaml)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), []);
        return RunConfigurationReader.Read(
            document,
            file => file == "/etc/han/postgres" ? Connection + "\n" : throw new FileNotFoundException(file),
            folder => !folder.StartsWith("/nowhere", StringComparison.Ordinal),
            StateFolder);
    }
}
