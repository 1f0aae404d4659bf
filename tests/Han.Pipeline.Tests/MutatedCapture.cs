using Han.Protocol.Dlms.Security;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Pipeline.Tests;

/// <summary>
/// A real capture with a few random mutations, for the property tests. Half of the mutants are
/// re-sealed (HDLC checksums, M-Bus checksums, P1 CRC, and for encrypted captures the GCM seal under
/// the published key) so that the mutation reaches the layers behind the checksums.
/// </summary>
internal sealed record MutatedCapture(byte[] Bytes, string? KeyHex, string? AuthKeyHex)
{
    public static MutatedCapture Create(VectorCase seed, int mutations, int randomSeed, bool reseal)
    {
        var random = new Random(randomSeed);
        var input = seed.Input;
        if (!reseal)
        {
            return new MutatedCapture(Mutate(input, mutations, random), seed.KeyHex, seed.AuthKeyHex);
        }

        var resealed = seed.Kind switch
        {
            "hdlc" when input.Length > 12 && input[0] == 0x7E => ResealHdlc(input, seed, mutations, random),
            "hdlc-stream" => ResealHdlcStream(input, mutations, random),
            "mbus" => MBusFrameBuilder.Split(MutateContent(MBusFrameBuilder.JoinPayloads(input), seed, mutations, random)).SelectMany(frame => frame).ToArray(),
            "dsmr" => ResealTelegram(Mutate(input, mutations, random)),
            "apdu" or "dsmr-encrypted" => MutateContent(input, seed, mutations, random),
            _ => Mutate(input, mutations, random),
        };
        return new MutatedCapture(resealed, seed.KeyHex, seed.AuthKeyHex);
    }

    public override string ToString() => Convert.ToHexString(Bytes);

    private static byte[] ResealHdlc(byte[] frame, VectorCase seed, int mutations, Random random)
    {
        var information = HdlcFrameBuilder.InformationOf(frame);
        var llc = Llc.HasHeader(information) ? information[..Llc.HeaderLength] : [];
        var content = MutateContent(information[llc.Length..], seed, mutations, random);
        byte[] mutated = [.. llc, .. content];
        return mutated.Length < 2000 ? HdlcFrameBuilder.Push(mutated) : frame;
    }

    /// <summary>Every good frame of a stream rebuilt, one of them with its information mutated (reaches block transfer).</summary>
    private static byte[] ResealHdlcStream(byte[] stream, int mutations, Random random)
    {
        var informations = new List<byte[]>();
        var reader = new HdlcFrameReader();
        ReadOnlySpan<byte> rest = stream;
        while (true)
        {
            var status = reader.TryRead(rest, isFinalBlock: true, out var consumed, out var frame, out _);
            rest = rest[consumed..];
            if (status == Han.Protocol.Framing.FrameReadStatus.NeedMoreData)
            {
                break;
            }

            if (status == Han.Protocol.Framing.FrameReadStatus.Frame)
            {
                informations.Add(frame.Information.ToArray());
            }
        }

        if (informations.Count == 0)
        {
            return Mutate(stream, mutations, random);
        }

        var victim = random.Next(informations.Count);
        informations[victim] = Mutate(informations[victim], mutations, random);
        return [.. informations.Where(i => i.Length < 2000).SelectMany(information => HdlcFrameBuilder.Push(information))];
    }

    /// <summary>For a ciphered APDU with a key: mutate the plaintext and seal it again; otherwise mutate the bytes.</summary>
    private static byte[] MutateContent(byte[] apdu, VectorCase seed, int mutations, Random random)
    {
        if (!CipheredApdu.IsCiphered(apdu) || seed.KeyHex is null)
        {
            return Mutate(apdu, mutations, random);
        }

        byte[] plaintext;
        byte security;
        byte[] title;
        uint counter;
        try
        {
            var ciphered = CipheredApdu.Parse(apdu);
            security = ciphered.Security.Value;
            title = ciphered.SystemTitle.ToArray();
            counter = ciphered.InvocationCounter;
            using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(seed.KeyHex), seed.AuthKeyHex is null ? null : AuthenticationKey.FromHex(seed.AuthKeyHex));
            plaintext = decryptor.Decrypt(apdu).ToArray();
        }
        catch (Han.Protocol.DecodeException)
        {
            return Mutate(apdu, mutations, random);
        }

        var key = Convert.FromHexString(seed.KeyHex);
        var authentication = seed.AuthKeyHex is null ? new byte[16] : Convert.FromHexString(seed.AuthKeyHex);
        return CipheredApduBuilder.Seal(security, title, counter, Mutate(plaintext, mutations, random), key, authentication);
    }

    private static byte[] ResealTelegram(byte[] text) =>
        Array.IndexOf(text, (byte)'/') is var start and >= 0 && Array.IndexOf(text, (byte)'!', start) > 0
            ? P1TelegramBuilder.Rewrite(text[start..])
            : text;

    private static byte[] Mutate(byte[] input, int mutations, Random random)
    {
        var bytes = new List<byte>(input);
        for (var i = 0; i < mutations; i++)
        {
            var at = random.Next(Math.Max(1, bytes.Count));
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.InsertRange(Math.Min(at, bytes.Count), Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 9), bytes.Count - at));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5 when bytes.Count > 0:
                    bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)));
                    break;
                default:
                    // Typical length and count bytes: make one huge.
                    if (bytes.Count > 0)
                    {
                        bytes[at] = (byte)(0x80 | random.Next(1, 5));
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
