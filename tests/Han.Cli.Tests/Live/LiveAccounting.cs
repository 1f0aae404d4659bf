using System.Text.Json;

namespace Han.Cli.Tests.Live;

/// <summary>
/// Checks what a live han printed (<c>--format json</c>) against what the simulator sent (its bytes and
/// its log) and what han received (<see cref="Stretch"/>es of those bytes): every intact list whose frame
/// arrived whole is read, in order, exactly as sent, and nothing else is read; every problem han reports
/// lies in a damaged list (a fault, or bytes lost between connections), and every damaged list that
/// arrived in part is reported.
/// </summary>
internal static class LiveAccounting
{
    public static void AssertAccountedFor(IReadOnlyList<SentList> lists, byte[] sent, IReadOnlyList<Stretch> stretches, IReadOnlyList<JsonElement> printed)
    {
        var readings = printed.Where(line => !line.TryGetProperty("error", out _)).ToList();
        var problems = printed.Where(line => line.TryGetProperty("error", out _)).Select(line => SentOffset(stretches, line.GetProperty("offset").GetInt64())).ToList();
        var arrived = lists.Where(list => list.Bytes > 0 && stretches.Any(stretch => stretch.Overlaps(list.Offset, list.End))).ToList();

        var whole = arrived.Where(list => list.Intact && stretches.Any(stretch => stretch.Holds(FrameStart(list, sent), list.End))).ToList();
        Assert.True(whole.Count == readings.Count, $"{whole.Count} intact lists arrived whole, but han read {readings.Count}: {Describe(whole, readings)}");
        for (var i = 0; i < whole.Count; i++)
        {
            SentReading.AssertSame(whole[i].Reading, readings[i], whole[i].ToString());
        }

        var damaged = arrived.Where(list => !list.Intact || FrameStart(list, sent) > list.Offset || !stretches.Any(stretch => stretch.Holds(list.Offset, list.End))).ToList();
        foreach (var problem in problems)
        {
            // A closing flag just before a damaged list may be tried as an opening flag, hence the - 1.
            Assert.True(damaged.Any(list => problem >= list.Offset - 1 && problem < list.End), $"han reported a problem at byte {problem} of what was sent, outside every damaged list");
        }

        for (var i = 0; i < arrived.Count; i++)
        {
            // A run of skipped bytes that began in the damaged list before may go on through this one.
            var list = arrived[i];
            var merged = i > 0 && damaged.Contains(arrived[i - 1]);
            Assert.True(
                !damaged.Contains(list) || merged || problems.Any(problem => problem >= list.Offset && problem < list.End),
                $"{list} arrived damaged, yet han reported no problem in it");
        }
    }

    /// <summary>Where the frame of a list starts: after the noise a garbage fault put before it (noise never holds a flag).</summary>
    private static long FrameStart(SentList list, byte[] sent)
    {
        var flag = sent.AsSpan((int)list.Offset, list.Bytes).IndexOf((byte)0x7E);
        return flag < 0 ? list.End : list.Offset + flag;
    }

    /// <summary>The simulator's offset of a byte of han's stream.</summary>
    private static long SentOffset(IReadOnlyList<Stretch> stretches, long hanOffset)
    {
        var stretch = stretches.LastOrDefault(stretch => stretch.HanOffset <= hanOffset);
        return stretch.SentOffset + (hanOffset - stretch.HanOffset);
    }

    private static string Describe(IReadOnlyList<SentList> whole, IReadOnlyList<JsonElement> readings)
    {
        var sentTimes = whole.Select(list => list.Reading.TryGetProperty("meter_time", out var time) ? $"{list.List} {time.GetString()}" : list.List).ToList();
        var readTimes = readings.Select(reading => reading.TryGetProperty("meter_time", out var time) ? time.GetString() : "(no clock)").ToList();
        return $"sent {string.Join(", ", sentTimes)}; read {string.Join(", ", readTimes)}";
    }
}
