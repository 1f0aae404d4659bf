using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// A real capture from the corpus whose text values (DLMS strings, P1 identifiers, messages and
/// versions) are replaced by any text, sealed again behind valid checksums in its own framing: HDLC
/// frames keep their addresses, LLC fields and bare APDUs stay as they are, one APDU also goes out in
/// wired M-Bus frames, P1 telegrams get a new CRC. Only plain captures that decode to a reading and
/// carry text are seeds.
/// </summary>
/// <param name="KeepsText">True when the capture carries the text exactly (DLMS); a P1 group cannot hold CR or LF.</param>
internal sealed record HostileCapture(string Name, Func<string, byte[]> Build, bool KeepsText)
{
    /// <summary>ESC [2J (clear the screen), BEL, CR LF (a forged line), NUL, DEL, CSI (U+009B) and a right-to-left override.</summary>
    public const string Text = "\u001B[2J\u0007\r\nforged line\0\u007F\u009B\u202Eevil";

    public static IReadOnlyList<HostileCapture> All { get; } = Seeds();

    public static HostileCapture Named(string name) => All.First(capture => capture.Name == name);

    public override string ToString() => Name;

    private static List<HostileCapture> Seeds()
    {
        var seeds = new List<HostileCapture>();
        foreach (var vector in Vectors.All.Where(v => v.KeyHex is null && v.ExpectReadings == 1))
        {
            var keepsText = vector.Kind != "dsmr";
            Func<string, byte[]>? build = vector.Kind switch
            {
                "hdlc" when IsPlain(Apdu(Information(vector.Input))) => text => Hdlc(vector.Input, text),
                "llc" when IsPlain(Apdu(vector.Input)) => text => [.. LlcHeader(vector.Input), .. Rewrite(Apdu(vector.Input), text)],
                "apdu" when IsPlain(vector.Input) => text => Rewrite(vector.Input, text),
                "dsmr" => text => P1TextRewriter.Rewrite(vector.Input, text),
                _ => null,
            };
            if (build is not null && Replaces(build))
            {
                seeds.Add(new(vector.Id, build, keepsText));
            }
        }

        // The corpus's M-Bus captures are all encrypted: carry a plain Austrian APDU in M-Bus frames instead
        // (two segments, joined again by the decoder).
        var austrian = Vectors.ById("amsreader-kaifa-at-gh539-4-apdu");
        seeds.Add(new(austrian.Id + " in M-Bus frames", text => [.. MBusFrameBuilder.Split(Rewrite(austrian.Input, text)).SelectMany(frame => frame)], KeepsText: true));
        return seeds;
    }

    private static byte[] Hdlc(byte[] input, string text)
    {
        var frame = Frame(input);
        var information = HdlcFrameBuilder.InformationOf(frame);
        return HdlcFrameBuilder.WithInformation(frame, [.. LlcHeader(information), .. Rewrite(Apdu(information), text)]);
    }

    /// <summary>The first frame of the input (some corpus captures carry a byte after its closing flag).</summary>
    private static byte[] Frame(byte[] input) => input[..((((input[1] & 0x07) << 8) | input[2]) + 2)];

    private static byte[] Information(byte[] input) => input[0] == HdlcFrame.Flag ? HdlcFrameBuilder.InformationOf(Frame(input)) : [];

    private static byte[] LlcHeader(byte[] information) => Llc.HasHeader(information) ? information[..Llc.HeaderLength] : [];

    private static byte[] Apdu(byte[] information) => information[LlcHeader(information).Length..];

    private static bool IsPlain(byte[] apdu) => apdu.Length > 0 && apdu[0] == 0x0F;

    private static byte[] Rewrite(byte[] apdu, string text) => DlmsTextRewriter.Rewrite(apdu, text);

    /// <summary>
    /// Whether the capture has a text value to replace (a changed capture proves it). A list the
    /// rewriter cannot walk as tagged A-XDR (the Czech compact-descriptor lists, whose values follow
    /// untagged descriptors) is no seed.
    /// </summary>
    private static bool Replaces(Func<string, byte[]> build)
    {
        try
        {
            return !build("x").AsSpan().SequenceEqual(build("y"));
        }
        catch (Han.Protocol.DecodeException)
        {
            return false;
        }
    }
}
