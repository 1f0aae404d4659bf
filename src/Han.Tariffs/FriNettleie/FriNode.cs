using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Han.Tariffs.FriNettleie;

/// <summary>
/// A node of a fri-nettleie file with its key path (<c>tariffer[1].fastledd.terskler[0].pris</c>), so
/// that every error can name the file, the line, the key path, the value and what would be valid.
/// Reading goes through YamlDotNet's representation model, not its reflection-based deserialiser, so
/// the trimmed release build keeps working (as Han.Cli's SettingsDocument does).
/// </summary>
internal sealed class FriNode
{
    private readonly YamlNode _node;

    private FriNode(string document, string path, YamlNode node)
    {
        Document = document;
        Path = path;
        _node = node;
    }

    public string Document { get; }

    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    /// <summary>The text of a scalar as written; null for a list or a mapping.</summary>
    private string? Written => _node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : null;

    public static FriNode Root(string document, YamlNode node) => new(document, string.Empty, node);

    /// <summary>
    /// True for YAML's null (<c>~</c>, <c>null</c>, or nothing after the colon): fri-nettleie treats a
    /// null like a missing key (tariff-eksempel.yml, "Ting å huske på").
    /// </summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>Refuses any key but <paramref name="known"/>: a key han does not understand must not be dropped in silence.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var key in Mapping().Children.Keys)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : null;
            if (name is null || !known.Contains(name, StringComparer.Ordinal))
            {
                throw Fail(
                    (int)key.Start.Line,
                    Child(name ?? "?"),
                    null,
                    $"is not a key of fri-nettleie's format here (tariff.cue); valid keys: {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>The value of a key, or null when it is missing or null.</summary>
    public FriNode? Optional(string key)
    {
        var children = Mapping().Children;
        return children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value)
            ? new FriNode(Document, Child(key), value)
            : null;
    }

    /// <summary>The value of a key that must be there; <paramref name="expected"/> says what it should hold.</summary>
    public FriNode Required(string key, string expected) => Optional(key) ?? throw Missing(key, expected);

    /// <summary>The error for a key that is missing or null.</summary>
    public TariffFormatException Missing(string key, string expected) =>
        Fail(Line, Child(key), null, $"is missing or null; it is required: {expected}");

    /// <summary>The items of a list.</summary>
    public IReadOnlyList<FriNode> Items(string expected)
    {
        if (_node is not YamlSequenceNode sequence)
        {
            throw Invalid($"is not a list; write it as a list of {expected}, e.g. [{expected.Split(',')[0]}] or one \"- item\" per line");
        }

        return [.. sequence.Children.Select((item, i) => new FriNode(Document, $"{Path}[{i}]", item))];
    }

    /// <summary>The text of a scalar.</summary>
    public string Text(string expected) =>
        Written ?? throw Invalid($"must be {expected}, not a list or a mapping");

    /// <summary>A number written with a point as the decimal separator, read exactly into a decimal.</summary>
    public decimal Number(string expected)
    {
        var text = Text(expected);
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var hint = text.Contains(',', StringComparison.Ordinal) ? " (fri-nettleie writes numbers with a point as the decimal separator: 12.5, not 12,5)" : string.Empty;
        throw Invalid($"is not a number{hint}; it must be {expected}");
    }

    /// <summary>A date as fri-nettleie writes it (RFC 3339 full-date, <c>2026-07-01</c>).</summary>
    public DateOnly Date(string expected) =>
        DateOnly.TryParseExact(Text(expected), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid($"is not a date written as YYYY-MM-DD; it must be {expected}");

    /// <summary>YAML's true or false.</summary>
    public bool Boolean(string expected) => Text(expected) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => throw Invalid($"must be true or false: {expected}"),
    };

    /// <summary>An error about this node: "<c>file line 12: path: "value" why</c>" ("<c>path why</c>" for a list or a mapping).</summary>
    public TariffFormatException Invalid(string why) => Fail(Line, Path, Written, why);

    private YamlMappingNode Mapping() =>
        _node as YamlMappingNode ?? throw Invalid("must be a mapping of keys (key: value on lines of their own)");

    private string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private TariffFormatException Fail(int line, string path, string? value, string why)
    {
        var what = path.Length == 0 ? "the file" : path;
        return new(value is null ? $"{Document} line {line}: {what} {why}" : $"{Document} line {line}: {what}: \"{value}\" {why}")
        {
            Document = Document,
            KeyPath = path.Length == 0 ? null : path,
            Value = value,
            Line = line,
        };
    }
}
