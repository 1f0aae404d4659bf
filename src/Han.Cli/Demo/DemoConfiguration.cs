using System.Globalization;
using Han.Cli.Io;

namespace Han.Cli.Demo;

/// <summary>
/// The <c>han run</c> configuration of the demo, written into its own state folder: the simulated meter
/// over loopback TCP, the history in that folder, the web server on the demo's port, Norwegian time
/// (the simulated meter's clock is Norwegian wall-clock time, as the real ones are), and the cost: the
/// demo's invented spot prices from a file in the folder (<see cref="DemoPrices"/>: no network) and a
/// shipped grid tariff.
/// </summary>
internal static class DemoConfiguration
{
    public const string MeterName = "house";

    public const string ZoneId = "Europe/Oslo";

    /// <summary>The grid company of the demo house: Elvia, the largest, whose area includes NO1 (Oslo).</summary>
    public const string GridCompany = "elvia";

    /// <summary>
    /// Raw lists are kept for a week, not the default 30 days: the three weeks before are backfilled as
    /// per-minute power and hourly registers only (what han keeps of lists past retention), which is
    /// four times quicker to write, so the demo serves within seconds. Every page has its data either way.
    /// </summary>
    public const int RawDays = 7;

    public static string Write(string folder, int meterPort, int webPort)
    {
        var path = Path.Combine(folder, "han.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            # Written by han demo: a simulated meter, its history in this folder, the dashboard.
            meters:
              - name: {MeterName}
                source: tcp://127.0.0.1:{meterPort}
            storage:
              sqlite: {StorePath(folder)}
              raw_days: {RawDays}
            time_zone: {ZoneId}
            web:
              listen: 127.0.0.1:{webPort}
            prices:
              zone: {DemoPrices.Zone}
              file: {DemoPrices.FilePath(folder)}
            grid:
              company: {GridCompany}

            """));
        return path;
    }

    public static string StorePath(string folder) => Path.Combine(folder, StateFolder.HistoryFileName);
}
