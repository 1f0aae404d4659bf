namespace Han.Protocol;

/// <summary>One ASCII hex digit (either case), as hex text input and P1 checksums and octet strings write them.</summary>
public static class HexDigit
{
    /// <summary>The digit's value 0-15, or -1 when <paramref name="digit"/> is not a hex digit.</summary>
    public static int ValueOf(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => -1,
    };
}
