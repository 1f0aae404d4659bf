using System.Text.Json;
using Han.Integrations.Mqtt;
using Han.Live;
using Han.Live.Fanout;
using Han.Readings;

namespace Han.Integrations.Tests.Mqtt;

/// <summary>The merged JSON state of a meter: the newest value of every key so far, the estimates, and the line's diagnostics.</summary>
public sealed class MeterStateDocumentTests
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 1, 11, 0, 10, TimeSpan.Zero);
    private static readonly MeterIdentity Aidon = new("AIDON", "7359992890941742", "6515", "AIDON_V0001");

    [Fact]
    public void ToUtf8_PowerListAfterAnHourlyList_KeepsTheRegistersAndTakesTheNewPower()
    {
        var document = new MeterStateDocument("house");
        var hourly = Reading(Hour, (ReadingField.ActivePowerImport, 2000), (ReadingField.ActiveEnergyImport, 12345.67m), (ReadingField.VoltageL1, 230.1m));
        hourly.MeterId = Aidon.MeterId;
        hourly.ListVersion = Aidon.ListVersion;
        document.Add(new LiveReading(hourly, Aidon, 12345.67m, null));
        document.Add(new LiveReading(Reading(Hour.AddSeconds(2.5), (ReadingField.ActivePowerImport, 2100)), Aidon, 12345.671m, null));

        using var json = JsonDocument.Parse(document.ToUtf8());
        var state = json.RootElement;

        Assert.Equal("house", state.GetProperty("meter").GetString());
        Assert.Equal(2100m, state.GetProperty("active_power_import").GetDecimal());
        Assert.Equal(12345.67m, state.GetProperty("active_energy_import").GetDecimal());
        Assert.Equal(230.1m, state.GetProperty("voltage_l1").GetDecimal());
        Assert.Equal("7359992890941742", state.GetProperty("meter_id").GetString());
        Assert.Equal("AIDON_V0001", state.GetProperty("list_version").GetString());
        Assert.Equal("6515", state.GetProperty("meter_type").GetString());
        Assert.Equal("2026-12-01T11:00:12.500Z", state.GetProperty("received").GetString());
        Assert.Equal(12345.671m, state.GetProperty("active_energy_import_estimate").GetDecimal());
        Assert.False(state.TryGetProperty("active_energy_export_estimate", out _));
        Assert.False(state.TryGetProperty("frames", out _));
    }

    [Fact]
    public void ToUtf8_LineStatus_AddsTheLineDiagnostics()
    {
        var document = new MeterStateDocument("cabin");
        document.Add(new LiveReading(Reading(Hour, (ReadingField.ActivePowerImport, 500)), MeterIdentity.Unknown, null, null));
        document.Add(new LineStatus("cabin", Hour.AddSeconds(5), "connected", "2400 8N1", 10, 12, 1, 2, 40, 3, Hour));

        using var json = JsonDocument.Parse(document.ToUtf8());
        var state = json.RootElement;

        Assert.Equal(12, state.GetProperty("frames").GetInt64());
        Assert.Equal(1, state.GetProperty("checksum_errors").GetInt64());
        Assert.Equal(2, state.GetProperty("cut_frames").GetInt64());
        Assert.Equal(40, state.GetProperty("skipped_bytes").GetInt64());
        Assert.Equal(3, state.GetProperty("undecoded").GetInt64());
        Assert.Equal("connected", state.GetProperty("line_state").GetString());
        Assert.Equal("2400 8N1", state.GetProperty("line_settings").GetString());
        Assert.Equal("2026-12-01T11:00:10.000Z", state.GetProperty("last_reading").GetString());
        Assert.Equal(500m, state.GetProperty("active_power_import").GetDecimal());
    }

    [Fact]
    public void ToUtf8_LineStatusBeforeAnyReading_HasTheMeterAndTheLineOnly()
    {
        var document = new MeterStateDocument("house");
        document.Add(new LineStatus("house", Hour, "waiting for the device", null, 0, 0, 0, 0, 0, 0, null));

        using var json = JsonDocument.Parse(document.ToUtf8());

        Assert.Equal(
            ["meter", "frames", "checksum_errors", "cut_frames", "skipped_bytes", "undecoded", "line_state"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private static MeterReading Reading(DateTimeOffset received, params (ReadingField Field, decimal Value)[] values)
    {
        var reading = new MeterReading { Received = received };
        foreach (var (field, value) in values)
        {
            var exponent = -value.Scale;
            reading.Set(field, new Measurement((long)(value * (decimal)Math.Pow(10, value.Scale)), exponent));
        }

        return reading;
    }
}
