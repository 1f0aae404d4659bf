using System.Globalization;
using Han.Live;
using Han.Live.Fanout;
using Han.Live.Tests;
using Han.Readings;
using Han.Storage;

namespace Han.Cli.Tests.Export;

/// <summary>A real SQLite history store in a temporary folder, for han export to read.</summary>
internal sealed class ExportStore : IAsyncDisposable
{
    private ExportStore(IHistoryStore store, string path)
    {
        Store = store;
        Path = path;
    }

    public IHistoryStore Store { get; }

    public string Path { get; }

    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    public static async Task<ExportStore> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("han-test-export-").FullName;
        var path = System.IO.Path.Combine(folder, "history.db");
        return new ExportStore(await HistoryStores.OpenSqliteAsync(path, CancellationToken.None), path);
    }

    /// <summary>Runs han export on this store with the given options, in Europe/Oslo unless they name a zone.</summary>
    public Task<HanResult> ExportAsync(params string[] options) =>
        HanRunner.Run(["export", "--sqlite", Path, .. options.Contains("--time-zone") ? [] : new[] { "--time-zone", "Europe/Oslo" }, .. options]);

    /// <summary>A real list, decoded by the real decoder, received at <paramref name="at"/>.</summary>
    public static ReadingMade Real(string meter, byte[] frame, DateTimeOffset at)
    {
        var reading = OneReading.Decode(frame, at);
        return new ReadingMade(meter, at, new LiveReading(reading, new MeterIdentity(reading.MeterManufacturer, reading.MeterId, reading.MeterType, reading.ListVersion), null, null));
    }

    /// <summary>A list with only active power import (W).</summary>
    public static ReadingMade Power(string meter, DateTimeOffset at, long watts)
    {
        var reading = new MeterReading { Received = at };
        reading.Set(ReadingField.ActivePowerImport, new Measurement(watts, 0));
        return new ReadingMade(meter, at, new LiveReading(reading, MeterIdentity.Unknown, null, null));
    }

    /// <summary>The CSV's rows (header first), fields unquoted as RFC 4180 says.</summary>
    public static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Equal(0, field.Length + row.Count); // every row ends with a line feed
        return rows;
    }

    public static decimal? Number(string field) => field.Length == 0 ? null : decimal.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
