using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.Sources.Live;
using Han.Sources.Serial;

namespace Han.Cli.Configuration;

/// <summary>One meter of <c>han run</c>: where its bytes come from and how to read them.</summary>
/// <param name="Line">The serial line setting, or null for auto-detection (serial sources only).</param>
/// <param name="Scale">The current-transformer factor (1 for a direct meter).</param>
internal sealed record MeterConfiguration(
    string Name,
    SourceAddress Source,
    LineSettings? Line,
    Country Country,
    int Scale,
    EncryptionKey? Key,
    AuthenticationKey? AuthenticationKey);
