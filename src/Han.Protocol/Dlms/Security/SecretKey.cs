using System.Globalization;

namespace Han.Protocol.Dlms.Security;

/// <summary>
/// 16 bytes of key material that never prints itself: <see cref="ToString"/> and every parse error
/// name the setting and the expected form, never the value (a key must not end up in a log).
/// </summary>
public abstract class SecretKey
{
    public const int Length = 16;

    private readonly byte[] _bytes;

    private protected SecretKey(byte[] bytes)
    {
        _bytes = bytes;
    }

    /// <summary>The key bytes, for the cipher only.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public override string ToString() => GetType().Name + "(hidden)";

    /// <summary>Reads 32 hex digits (spaces, colons and a 0x prefix allowed); the message of a failure never contains the text.</summary>
    private protected static byte[] ParseHex(string? text, string setting) =>
        TryParseHex(text, setting, out var bytes, out var error) ? bytes : throw new ArgumentException(error);

    /// <summary>The same without throwing; <paramref name="error"/> names the setting and the expected form.</summary>
    private protected static bool TryParseHex(string? text, string setting, out byte[] bytes, out string error)
    {
        bytes = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"{setting} is empty; expected 32 hex digits (a 16-byte AES-128 key).";
            return false;
        }

        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        digits = digits.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length != Length * 2)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{setting} has {digits.Length} hex digits; expected 32 (a 16-byte AES-128 key).");
            return false;
        }

        var parsed = new byte[Length];
        for (var i = 0; i < Length; i++)
        {
            if (!byte.TryParse(digits.AsSpan(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out parsed[i]))
            {
                error = $"{setting} holds a character that is not a hex digit; expected 32 hex digits.";
                return false;
            }
        }

        bytes = parsed;
        return true;
    }

    private protected static byte[] Copy(ReadOnlySpan<byte> bytes, string setting)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{setting} has {bytes.Length} bytes; expected 16."), setting);
        }

        return bytes.ToArray();
    }
}
