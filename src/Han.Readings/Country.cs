namespace Han.Readings;

/// <summary>
/// The market a meter was configured for. Selects vendor scaling where the wire carries no scaler
/// (Kamstrup energy is 10 Wh in Norway and 1 Wh in Sweden; norway-lists.md §5).
/// </summary>
public readonly record struct Country
{
    private static readonly string[] Known = ["NO", "SE", "DK", "FI", "AT", "CH", "PL", "NL", "BE", "LU", "SI", "HR", "DE"];

    private readonly string? _code;

    private Country(string code) => _code = code;

    public static Country Norway { get; } = new("NO");

    public static IReadOnlyList<string> KnownCodes => Known;

    /// <summary>ISO 3166-1 alpha-2 code, upper case; Norway for a default value.</summary>
    public string Code => _code ?? "NO";

    public static bool TryParse(string? text, out Country country)
    {
        var code = text?.Trim().ToUpperInvariant();
        country = default;
        if (code is null || Array.IndexOf(Known, code) < 0)
        {
            return false;
        }

        country = new Country(code);
        return true;
    }

    public static Country Parse(string? text) => TryParse(text, out var country)
        ? country
        : throw new ArgumentException($"Unknown country '{text}'; valid: {string.Join(", ", Known)}.", nameof(text));

    public override string ToString() => Code;
}
