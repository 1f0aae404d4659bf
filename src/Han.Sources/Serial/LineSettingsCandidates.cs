namespace Han.Sources.Serial;

/// <summary>
/// The settings auto-detection tries, in order. Sources are the tags of shared/specs/protocol.md
/// (§1, §7.3) and norway-lists.md (§9). The order puts the common meters first, and within one speed
/// puts the setting first that cannot read its neighbour's line (docs/serial.md, "Why this order"):
/// <list type="bullet">
/// <item>2400 8E1 before 2400 8N1. An 8N1 line read at 8E1 is garbage on a UART that waits for the next
/// falling edge after a framing error (the real amsreader capture gh355-2 is exactly that), and every
/// byte intact on one that takes the low stop bit for the next start bit (the 16550's documented
/// recovery). An 8E1 line read at 8N1 is intact except for 0x00, whose bits with even parity are all 0,
/// a break: where the port drops breaks, only the frames without a 0x00 pass, a wrong setting that
/// reads some frames and not others. Trying 8E1 first means a wrong pick always reads every byte.</item>
/// <item>8N1 before 7E1 at 115200 and 9600. A 7E1 telegram read at 8N1 always breaks (its parity bit lands
/// in bit 7 of '/', 0x2F, and of half the other characters), while 7E1 reads an 8N1 telegram intact
/// (ASCII has bit 7 clear): trying 8N1 first tells them apart.</item>
/// </list>
/// </summary>
public static class LineSettingsCandidates
{
    public static IReadOnlyList<LineSettingsCandidate> All { get; } =
    [
        Candidate("2400 8E1", "Aidon and Kaifa in Norway (amsreader #994; roarfred SERIAL_8E1; protocol.md §1.1); M-Bus character format, EN 13757-2 (S18 §4); TINETZ and Sagemcom T210-D in Austria (S14; S7); amsreader's default and first autodetect setting (S19)"),
        Candidate("2400 8N1", "Kamstrup in Norway, Sweden and Denmark (roarfred SERIAL_8N1; amsreader #308, captures gh355/gh362; protocol.md §1.1); Kaifa MA309M at Netz NÖ, Austria (amsreader #433); hass-AMS default (S25)"),
        Candidate("115200 8N1", "DSMR 4 and 5 P1 (S11 §6.1), Sweden and Finland H1 (S10; P15), Aidon RJ12 in Sweden (S9), Luxembourg Smarty (S12), Kamstrup /KAM5 P1 (norway-lists.md §9)"),
        Candidate("115200 7E1", "what dsmr_parser opens DSMR 4 meters with (S21 settings.py); the IEC 62056-21 character format at P1 speed"),
        Candidate("115200 8E1", "NES 83335 P1 in Denmark, observed at 8E1 (S7 nes/gh712; protocol.md §1.2)"),
        Candidate("9600 8N1", "listed by issue 8; protocol.md §1.1 has amsreader's autodetect cycle through 9600 too (S19); no meter in the specs is known to use it"),
        Candidate("9600 7E1", "DSMR 2.2 and 3.0 P1 (S11-3.0 §4.4; S21 settings.py; protocol.md §7.3)"),
        Candidate("2400 8O1", "listed by issue 8; no meter in the specs is known to use it"),
        Candidate("1200 8E1", "listed by issue 8: the M-Bus character format (S18 §4) at a lower speed; no meter in the specs is known to use it"),
    ];

    /// <summary>
    /// <paramref name="candidates"/> with <paramref name="first"/> (the setting that worked last time) moved to
    /// the front, or added there when it is not one of them.
    /// </summary>
    public static IReadOnlyList<LineSettingsCandidate> StartingWith(IReadOnlyList<LineSettingsCandidate> candidates, LineSettings? first)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (first is null)
        {
            return candidates;
        }

        var known = candidates.FirstOrDefault(c => c.Settings == first) ?? new LineSettingsCandidate(first, "the setting that worked last time");
        return [known, .. candidates.Where(c => c.Settings != first)];
    }

    private static LineSettingsCandidate Candidate(string settings, string usedBy) => new(LineSettings.Parse(settings), usedBy);
}
