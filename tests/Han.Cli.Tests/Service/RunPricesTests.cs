using System.Globalization;
using System.Text;
using Han.Integrations.Prices;
using Han.TestCorpus.Servers;
using Microsoft.Data.Sqlite;

namespace Han.Cli.Tests.Service;

/// <summary><c>han run</c> with a <c>prices:</c> section, as a real process: today's prices end up in the store's spot_prices.</summary>
public sealed class RunPricesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-run-prices-").FullName;

    private string Store => Path.Combine(_folder, "history.db");

    [Fact]
    public async Task Run_PricesFromAFile_KeepsTodaysQuartersInTheStore()
    {
        // Today's delivery day on the real clock (han run's), a price per quarter-hour.
        var (start, end) = DeliveryDay.Bounds(DeliveryDay.Of(DateTimeOffset.UtcNow));
        var csv = new StringBuilder("start,nok_per_kwh\n");
        var quarters = 0;
        for (var at = start; at < end; at = at.AddMinutes(15), quarters++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ssZ},0.{quarters + 100}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "prices.csv"), csv.ToString());
        var config = Path.Combine(_folder, "han.yaml");
        await File.WriteAllTextAsync(config, $"meters:\n  - name: house\n    source: tcp://127.0.0.1:{LoopbackPort.Free()}\nstorage:\n  sqlite: {Store}\nprices:\n  zone: NO1\n  file: {_folder}/prices.csv\n");

        var service = Shell.Start($"exec \"$HAN\" run --config {config}", _folder, timeoutSeconds: 120);
        await service.WaitForErrorAsync("han run: reading house");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync() < quarters)
        {
            Assert.True(DateTime.UtcNow < deadline, "today's prices did not reach the store within 60 s");
            await Task.Delay(200);
        }

        service.Signal("TERM");
        var stopped = await service.Completion;

        Assert.Equal(0, stopped.ExitCode);
        Assert.Equal(quarters, await CountAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<long> CountAsync()
    {
        if (!File.Exists(Store))
        {
            return 0;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Store, Pooling = false, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'spot_prices'";
        if ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT COUNT(*) FROM spot_prices WHERE zone = 'NO1' AND source = 'file'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
