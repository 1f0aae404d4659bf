using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>Noise at the start of a real capture (issue 7, point 1): the bytes that begin a lone message or a frame.</summary>
internal static class NoisyStart
{
    /// <summary>What a lone LLC field or APDU starts with (protocol.md §0): each once made a stream pass for one message.</summary>
    public static readonly string[] MessageStarts = ["0F", "DB", "DC", "DD", "E0", "E6E600", "E6E700"];

    /// <summary>Those, and the first byte of an HDLC frame, an M-Bus frame and a P1 telegram.</summary>
    public static readonly byte[][] DangerousStarts = [.. MessageStarts.Select(Convert.FromHexString), [0x7E], [0x68], [(byte)'/']];

    /// <summary>
    /// <paramref name="length"/> bytes of noise: random bytes mixed with <see cref="DangerousStarts"/>
    /// (about one piece in four), one of which opens half of the prefixes.
    /// </summary>
    public static byte[] Prefix(int length, Random random)
    {
        var prefix = new List<byte>(length + 3);
        if (random.Next(2) == 0)
        {
            prefix.AddRange(random.GetItems(DangerousStarts, 1)[0]);
        }

        while (prefix.Count < length)
        {
            if (random.Next(4) == 0)
            {
                prefix.AddRange(random.GetItems(DangerousStarts, 1)[0]);
            }
            else
            {
                prefix.Add((byte)random.Next(256));
            }
        }

        return [.. prefix.Take(length)];
    }

    /// <summary>Every real capture of a framed format (HDLC, M-Bus, P1) that gives readings.</summary>
    public static IEnumerable<VectorCase> FramedCaptures =>
        Vectors.All.Where(c => c.ExpectReadings > 0 && InputDetectorTests.KindOf(c) is InputKind.HdlcStream or InputKind.MBusStream or InputKind.P1Stream);
}
