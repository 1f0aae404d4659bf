using Han.Sources.HexText;

namespace Han.Sources.Tests;

/// <summary>Reads text through a <see cref="HexTextStream"/> the way the decoder does, in small reads.</summary>
internal static class HexTestText
{
    /// <summary>The bytes <paramref name="text"/> spells in the form <paramref name="reader"/> reads, and the error that stopped it (null: none).</summary>
    public static (byte[] Bytes, InvalidDataException? Error) Read(string text, HexFormReader reader)
    {
        using var stream = new HexTextStream(new StringReader(text), reader);
        return Drain(stream);
    }

    /// <summary>Everything a stream gives until its end or its error.</summary>
    public static (byte[] Bytes, InvalidDataException? Error) Drain(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var output = new MemoryStream();
        var buffer = new byte[7];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
            }

            return (output.ToArray(), null);
        }
        catch (InvalidDataException problem)
        {
            return (output.ToArray(), problem);
        }
    }
}
