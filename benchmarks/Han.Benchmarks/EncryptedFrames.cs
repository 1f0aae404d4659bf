using Han.Protocol.Dlms.Security;
using Han.TestCorpus;

namespace Han.Benchmarks;

/// <summary>
/// The Netz NÖ brochure frame (Kaifa MA309, corpus case austria-evn-doc-kaifa-ma309): its plaintext,
/// and streams of M-Bus captures carrying it either in the clear or sealed again under its published
/// key with a rising frame counter (the decoder refuses replayed counters).
/// </summary>
public static class EncryptedFrames
{
    private const string CaseId = "austria-evn-doc-kaifa-ma309";

    public static byte[] PlaintextApdu()
    {
        var vector = Vectors.ById(CaseId);
        var apdu = MBusFrameBuilder.JoinPayloads(vector.Input);
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(vector.KeyHex), null);
        return decryptor.Decrypt(apdu).ToArray();
    }

    public static EncryptionKey Key => EncryptionKey.FromHex(Vectors.ById(CaseId).KeyHex);

    /// <summary><paramref name="count"/> M-Bus captures of the plaintext list.</summary>
    public static byte[] PlainStream(int count)
    {
        var capture = MBusFrameBuilder.Split(PlaintextApdu()).SelectMany(frame => frame).ToArray();
        return MeterFrames.Repeated(capture, count);
    }

    /// <summary><paramref name="count"/> M-Bus captures of the same list, each sealed with the next frame counter.</summary>
    public static byte[] EncryptedStream(int count, uint firstCounter)
    {
        var vector = Vectors.ById(CaseId);
        var original = Protocol.Dlms.Security.CipheredApdu.Parse(MBusFrameBuilder.JoinPayloads(vector.Input));
        var title = original.SystemTitle.ToArray();
        var security = original.Security.Value;
        var plaintext = PlaintextApdu();
        var key = Convert.FromHexString(vector.KeyHex!);
        var stream = new List<byte>();
        for (var i = 0; i < count; i++)
        {
            var sealedApdu = CipheredApduBuilder.Seal(security, title, firstCounter + (uint)i, plaintext, key, new byte[16]);
            stream.AddRange(MBusFrameBuilder.Split(sealedApdu).SelectMany(frame => frame));
        }

        return [.. stream];
    }
}
