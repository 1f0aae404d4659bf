namespace Han.TestCorpus;

/// <summary>Named real frames from the corpus, for tests and benchmarks that build streams from them.</summary>
public static class RealFrames
{
    /// <summary>Kamstrup 10-second list (NVE list 2), 228 bytes on the wire.</summary>
    public static byte[] KamstrupList2 => Vectors.ById("amsreader-kamstrup-no-gh862-3").Input;

    /// <summary>Aidon 6534 hourly list 3, 396 bytes on the wire.</summary>
    public static byte[] AidonList3 => Vectors.ById("amsreader-aidon-no-gh1119-1-list3").Input;

    /// <summary>Kaifa MA304H4 hourly list 3 (value-only), 156 bytes on the wire.</summary>
    public static byte[] KaifaList3 => Vectors.ById("amsreader-kaifa-no-ma304h4-list3-2024").Input;

    /// <summary>Every Norwegian single good HDLC frame in the corpus (one frame, one reading).</summary>
    public static IReadOnlyList<byte[]> NorwegianGoodFrames =>
        [.. Vectors.Norwegian.Where(c => c.Kind == "hdlc" && c.ExpectReadings == 1).Select(c => c.Input)];

    /// <summary>The good single HDLC frames of one vendor (a real line carries one meter).</summary>
    public static IReadOnlyList<byte[]> NorwegianGoodFramesOf(string vendor) =>
        [.. Vectors.Norwegian.Where(c => c.Kind == "hdlc" && c.ExpectReadings == 1 && c.Vendor == vendor).Select(c => c.Input)];
}
