using System.Text.Json;

namespace Han.Cli.Tests.Live;

/// <summary>Compares a reading han printed (<c>--format json</c>) with the one the simulator's log says it sent.</summary>
internal static class SentReading
{
    /// <summary>
    /// Every value sent is read back exactly and nothing else is read, except: the meter's clock is sent
    /// without its offset (the log knows it), a list that names no maker gets it only once the meter is
    /// known, a list with its clock in the header and as an object keeps the object under <c>obis</c>, and a
    /// live source adds <c>received</c>.
    /// </summary>
    public static void AssertSame(JsonElement sent, JsonElement read, string context)
    {
        foreach (var value in sent.EnumerateObject())
        {
            if (value.Name == "meter_time")
            {
                Assert.True(
                    read.TryGetProperty("meter_time", out var time) && value.Value.GetString()!.StartsWith(time.GetString()!, StringComparison.Ordinal),
                    $"{context}: meter_time sent {value.Value}, read {read}");
            }
            else if (read.TryGetProperty(value.Name, out var readValue))
            {
                Assert.True(value.Value.GetRawText() == readValue.GetRawText(), $"{context}: {value.Name} sent {value.Value.GetRawText()}, read {readValue.GetRawText()}");
            }
            else
            {
                Assert.True(value.Name == "meter_manufacturer", $"{context}: {value.Name} was sent ({value.Value.GetRawText()}) but not read");
            }
        }

        foreach (var value in read.EnumerateObject().Where(value => value.Name is not ("received" or "obis")))
        {
            Assert.True(sent.TryGetProperty(value.Name, out _), $"{context}: read {value.Name} = {value.Value.GetRawText()}, which was not sent");
        }

        if (read.TryGetProperty("obis", out var other))
        {
            foreach (var value in other.EnumerateObject())
            {
                var clock = read.GetProperty("meter_time").GetString();
                Assert.True(value.Value.ValueKind == JsonValueKind.String && value.Value.GetString() == clock, $"{context}: read {value.Name} = {value.Value.GetRawText()}, which is not the meter's clock");
            }
        }
    }
}
