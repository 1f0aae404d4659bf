using System.Text;

namespace Han.Cli.Arguments;

/// <summary>
/// The command-line arguments that may be key material, and a way to keep them out of messages. A key
/// given right never appears in one, but a mistyped option (<c>--kye KEY</c>, <c>--Key</c>,
/// <c>--auth_key</c>) or a key split by a space turns the key into a file name or an unrecognised
/// argument, which error messages repeat. Counted as key material: the value of any option whose name
/// resembles "key"; when such an option is present, every argument of four or more hex digits (a key
/// split into pieces); and any argument of sixteen or more hex digits (a key with no option at all).
/// </summary>
internal sealed class SecretArguments
{
    public const string Placeholder = "<hidden: looks like key material>";

    private const int SplitPieceDigits = 4;
    private const int LoneKeyDigits = 16;

    private readonly string[] _secrets;

    public SecretArguments(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var keyOptionSeen = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!IsKeyOption(argument, out var inlineValue))
            {
                continue;
            }

            keyOptionSeen = true;
            if (inlineValue.Length > 0)
            {
                secrets.Add(inlineValue);
            }
            else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith('-'))
            {
                secrets.Add(arguments[i + 1]);
            }
        }

        foreach (var argument in arguments)
        {
            var digits = HexDigits(argument);
            if (digits >= LoneKeyDigits || (keyOptionSeen && digits >= SplitPieceDigits))
            {
                secrets.Add(argument);
            }
        }

        // Longest first, so that a piece of a longer secret never leaves the rest of it visible.
        _secrets = [.. secrets.OrderByDescending(secret => secret.Length)];
    }

    /// <summary>Whether any argument is treated as key material.</summary>
    public bool Any => _secrets.Length > 0;

    /// <summary><paramref name="text"/> with every whole occurrence of a secret argument replaced by <see cref="Placeholder"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = ReplaceWhole(text, secret);
        }

        return text;
    }

    /// <summary>An option whose name is, or looks like a slip of, --key or --auth-key; with its <c>=value</c> if written so.</summary>
    private static bool IsKeyOption(string argument, out string inlineValue)
    {
        inlineValue = string.Empty;
        if (!argument.StartsWith('-') || argument.Length < 2)
        {
            return false;
        }

        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? argument : argument[..equals];
        var normalized = name.TrimStart('-').Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var keyLike = normalized.Contains("key", StringComparison.Ordinal)
            || EditDistance.Of(normalized, "key") <= 1
            || EditDistance.Of(normalized, "authkey") <= 2;
        if (keyLike && equals >= 0)
        {
            inlineValue = argument[(equals + 1)..];
        }

        return keyLike;
    }

    /// <summary>How many hex digits <paramref name="argument"/> spells, or 0 when it holds anything else (separators and 0x prefixes allowed).</summary>
    private static int HexDigits(string argument)
    {
        var digits = 0;
        for (var i = 0; i < argument.Length; i++)
        {
            var c = argument[i];
            if (char.IsAsciiHexDigit(c))
            {
                if (c == '0' && i + 1 < argument.Length && argument[i + 1] is 'x' or 'X')
                {
                    i++;
                    continue;
                }

                digits++;
            }
            else if (c is not (' ' or ':' or '-' or ',' or '.'))
            {
                return 0;
            }
        }

        return digits;
    }

    private static string ReplaceWhole(string text, string secret)
    {
        var result = new StringBuilder(text.Length);
        var start = 0;
        while (true)
        {
            var at = text.IndexOf(secret, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            var end = at + secret.Length;
            var whole = (at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]));
            result.Append(text, start, at - start).Append(whole ? Placeholder : secret);
            start = end;
        }

        return start == 0 ? text : result.Append(text, start, text.Length - start).ToString();
    }
}
