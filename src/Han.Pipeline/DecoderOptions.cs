using Han.Protocol.Dlms.Security;
using Han.Readings;

namespace Han.Pipeline;

/// <summary>What a decoder needs to know that the bytes do not say: the market and the meter's keys.</summary>
public sealed record DecoderOptions(Country Country, EncryptionKey? Key = null, AuthenticationKey? AuthenticationKey = null)
{
    public static DecoderOptions Default { get; } = new(Country.Norway);
}
