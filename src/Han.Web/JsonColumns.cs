using System.Text.Json;

namespace Han.Web;

/// <summary>
/// Columns, not rows (like /live/recent): one array per field, the same length, so that a chart library
/// takes them as they are and a year of hours stays a small answer. Null where a value is not known.
/// </summary>
internal static class JsonColumns
{
    public static void UnixSeconds<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Func<T, DateTimeOffset> value) =>
        Column(writer, name, rows, (w, row) => w.WriteNumberValue(value(row).ToUnixTimeSeconds()));

    public static void Numbers<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Func<T, decimal?> value) =>
        Column(writer, name, rows, (w, row) => NullOr(w, value(row), w.WriteNumberValue));

    public static void Numbers<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Func<T, double?> value) =>
        Column(writer, name, rows, (w, row) => NullOr(w, value(row), w.WriteNumberValue));

    public static void Booleans<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Func<T, bool> value) =>
        Column(writer, name, rows, (w, row) => w.WriteBooleanValue(value(row)));

    public static void Texts<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Func<T, string?> value) =>
        Column(writer, name, rows, (w, row) =>
        {
            if (value(row) is { } text)
            {
                w.WriteStringValue(text);
            }
            else
            {
                w.WriteNullValue();
            }
        });

    public static void NumberOrNull(Utf8JsonWriter writer, string name, decimal? value)
    {
        writer.WritePropertyName(name);
        NullOr(writer, value, writer.WriteNumberValue);
    }

    public static void TextOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is { } text)
        {
            writer.WriteString(name, text);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The key only when the value is known (the live answers leave unknown keys out).</summary>
    public static void TextIfKnown(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Column<T>(Utf8JsonWriter writer, string name, IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            write(writer, row);
        }

        writer.WriteEndArray();
    }

    private static void NullOr<TValue>(Utf8JsonWriter writer, TValue? value, Action<TValue> write)
        where TValue : struct
    {
        if (value is { } known)
        {
            write(known);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
