using System.Globalization;
using System.Text;
using System.Text.Json;
using Han.Protocol;

namespace Han.Readings.Json;

/// <summary>
/// String values of the JSON lines, kept exactly, escaped where JSON requires and also where a terminal
/// would be misled: the relaxed encoder (<see cref="ReadingJsonWriter.Options"/>) lets the Unicode
/// bidirectional overrides and isolates through, and a meter string holding U+202E would reorder what a
/// user sees of the line. Those become <c>\u202E</c>, which every JSON reader turns back into the same
/// character. Strings without such characters (all real ones) take the writer's own path.
/// </summary>
public static class JsonText
{
    public static void Write(Utf8JsonWriter writer, JsonEncodedText key, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(key);
        WriteValue(writer, value);
    }

    public static void WriteValue(Utf8JsonWriter writer, string value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (!PrintableText.HasUnsafe(value))
        {
            writer.WriteStringValue(value);
            return;
        }

        // The encoder has escaped what JSON requires; escape what it left of the unsafe characters.
        var encoded = JsonEncodedText.Encode(value, ReadingJsonWriter.Options.Encoder).Value;
        var literal = new StringBuilder(encoded.Length + 16).Append('"');
        foreach (var c in encoded)
        {
            if (PrintableText.IsUnsafe(c))
            {
                literal.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                literal.Append(c);
            }
        }

        writer.WriteRawValue(literal.Append('"').ToString(), skipInputValidation: true);
    }
}
