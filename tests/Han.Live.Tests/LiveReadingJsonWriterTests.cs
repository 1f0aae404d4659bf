using System.Text.Json;
using Han.TestCorpus;

namespace Han.Live.Tests;

public sealed class LiveReadingJsonWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 13, 0, 10, TimeSpan.Zero);

    [Fact]
    public void Write_HourlyListThenAMinuteOfPower_HasTheMeterTheExactRegisterAndTheEstimateApart()
    {
        var state = new MeterState(new MeterStateOptions());
        var hourly = OneReading.Decode(Vectors.ById("amsreader-kamstrup-no-em001-1-list2").Input, Start);
        state.Add(hourly);
        var later = state.Add(OneReading.Decode(Vectors.ById("amsreader-kamstrup-no-gh862-3").Input, Start.AddSeconds(10)));

        using var json = JsonDocument.Parse(Write("house", later));
        var root = json.RootElement;

        Assert.Equal("house", root.GetProperty("meter").GetString());
        Assert.Equal("2026-12-01T13:00:20.000Z", root.GetProperty("received").GetString());
        Assert.False(root.TryGetProperty("active_energy_import", out _)); // this list has no register
        var estimate = root.GetProperty("active_energy_import_estimate").GetDecimal();
        Assert.Equal(Math.Round(later.ImportEstimate!.Value, 3), estimate);
        Assert.True(estimate > hourly[Han.Readings.ReadingField.ActiveEnergyImport]!.Value);
    }

    [Fact]
    public void Write_BeforeAnyRegister_LeavesTheEstimatesOut()
    {
        var state = new MeterState(new MeterStateOptions());
        var live = state.Add(OneReading.Decode(Vectors.ById("amshan-aidon-no-list1").Input, Start));

        using var json = JsonDocument.Parse(Write("cabin", live));

        Assert.False(json.RootElement.TryGetProperty("active_energy_import_estimate", out _));
        Assert.False(json.RootElement.TryGetProperty("active_energy_export_estimate", out _));
        Assert.True(json.RootElement.TryGetProperty("active_power_import", out _));
    }

    private static string Write(string meter, LiveReading reading)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new LiveReadingJsonWriter().Write(writer, meter, reading);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
