namespace Han.Protocol.Tests;

/// <summary>Small byte helpers for readable test data.</summary>
internal static class Bytes
{
    /// <summary>Hex text to bytes; spaces and line breaks are ignored ("7E A0 27" or "7EA027").</summary>
    public static byte[] Hex(string text) =>
        Convert.FromHexString(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>A copy of <paramref name="data"/> with one byte XOR-ed with <paramref name="mask"/>.</summary>
    public static byte[] Flip(byte[] data, int index, byte mask = 0x01)
    {
        var copy = (byte[])data.Clone();
        copy[index] ^= mask;
        return copy;
    }
}
