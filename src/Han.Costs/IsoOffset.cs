namespace Han.Costs;

/// <summary>Whether an ISO 8601 time says its offset (Z, +02:00, +0200): a time without one would depend on this machine's zone.</summary>
internal static class IsoOffset
{
    public static bool IsGiven(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':') || (text.Length > 5 && text[^5] is '+' or '-' && text[^3] != ':' && text.Contains('T', StringComparison.Ordinal));
}
