using System.Globalization;

namespace Han.Cli.Export;

/// <summary>
/// CSV as spreadsheets read it (RFC 4180): comma-separated, a field with a comma, a quote or a line break
/// in double quotes with its quotes doubled, numbers with '.' decimals whatever the machine's language,
/// an unknown value an empty field (never 0).
/// </summary>
internal static class CsvText
{
    public static string Field(string? text) =>
        text is null ? string.Empty
        : text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;

    public static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields);
}
