using Han.Trust;

namespace Han.Storage.Aggregation;

/// <summary>
/// The <c>flags</c> text of a stored hour or quarter: one line per flag, <c>kind: reason</c> (the kind
/// in words, as in <c>missing list: ...</c>), so a user reads why and the flags can be read back as
/// <see cref="HourFlag"/>s (for the capacity basis from stored hours). Null when nothing is wrong.
/// </summary>
public static class FlagText
{
    private static readonly Dictionary<HourFlagKind, string> Words = new()
    {
        [HourFlagKind.MissingList] = "missing list",
        [HourFlagKind.RepeatedList] = "repeated list",
        [HourFlagKind.RegisterBackwards] = "register backwards",
        [HourFlagKind.ImplausibleJump] = "register jump",
        [HourFlagKind.Rollover] = "rollover",
        [HourFlagKind.ClockDrift] = "clock drift",
    };

    /// <summary>The kind in words (<c>missing list</c>).</summary>
    public static string Name(HourFlagKind kind) => Words[kind];

    public static string? Write(IReadOnlyList<HourFlag> flags) =>
        flags.Count == 0 ? null : string.Join('\n', flags.Select(flag => $"{Words[flag.Kind]}: {flag.Reason}"));

    /// <summary>The flags <see cref="Write"/> wrote, back; a line in no known form (a day's summary) is skipped.</summary>
    public static IReadOnlyList<HourFlag> Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var flags = new List<HourFlag>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var (kind, words) in Words)
            {
                if (line.StartsWith(words + ": ", StringComparison.Ordinal))
                {
                    flags.Add(new HourFlag(kind, line[(words.Length + 2)..]));
                    break;
                }
            }
        }

        return flags;
    }
}
