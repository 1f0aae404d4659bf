using System.CommandLine;
using System.CommandLine.Parsing;
using Han.Pipeline;
using Han.Protocol.Dlms.Security;
using Han.Readings;
using Han.Readings.Profiles;

namespace Han.Cli.Commands;

/// <summary>
/// The options every command that decodes shares: <c>--country</c>, <c>--key</c>, <c>--auth-key</c>.
/// Bad values are rejected at parse time with the setting's name and what would be valid; a key's
/// value is never repeated in a message.
/// </summary>
internal sealed class DecoderArguments
{
    public DecoderArguments()
    {
        Country = new Option<string>("--country", "-c")
        {
            Description = CountryHelp,
            DefaultValueFactory = _ => "NO",
        };
        Country.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Readings.Country.TryParse(value, out _))
            {
                result.AddError($"--country: '{value}' is not an ISO 3166 alpha-2 country code; use two letters such as NO, SE, DK, CZ or HU.");
            }
        });

        Key = new Option<string?>("--key")
        {
            Description = "Encryption key (GUEK; Kamstrup GPK60) for encrypted meters: 32 hex digits. Never printed.",
        };
        Key.Validators.Add(result => Validate(result, value => (EncryptionKey.TryFromHex(value, out _, out var error), error)));

        AuthenticationKey = new Option<string?>("--auth-key")
        {
            Description = "Authentication key (GAK; Kamstrup GPK61; Luxembourg 00112233445566778899AABBCCDDEEFF): 32 hex digits. With it the GCM tag of each frame is checked.",
        };
        AuthenticationKey.Validators.Add(result => Validate(result, value => (Protocol.Dlms.Security.AuthenticationKey.TryFromHex(value, out _, out var error), error)));
    }

    /// <summary>What --country does; also han run's <c>country:</c> setting (docs/service.md).</summary>
    public static string CountryHelp { get; } =
        "Market the meter is configured for (any ISO 3166 alpha-2 code: NO, SE, CZ, HU, ...); sets vendor scaling where the wire has none "
        + $"(Kamstrup energy is 10 Wh in NO, 1 Wh in SE). Markets with vendor rules of their own: {string.Join(", ", ProfileCatalog.MarketsWithOwnRules)}; "
        + "any other reads each vendor's defaults, and lists that carry their scalers (P1 telegrams, most of Europe) need no country at all.";

    public Option<string> Country { get; }

    public Option<string?> Key { get; }

    public Option<string?> AuthenticationKey { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Country);
        command.Options.Add(Key);
        command.Options.Add(AuthenticationKey);
    }

    public DecoderOptions Read(ParseResult parse)
    {
        var key = parse.GetValue(Key);
        var authenticationKey = parse.GetValue(AuthenticationKey);
        return new DecoderOptions(
            Readings.Country.Parse(parse.GetValue(Country)),
            key is null ? null : EncryptionKey.FromHex(key),
            authenticationKey is null ? null : Protocol.Dlms.Security.AuthenticationKey.FromHex(authenticationKey));
    }

    private static void Validate(OptionResult result, Func<string, (bool Valid, string Error)> parse)
    {
        var value = result.GetValueOrDefault<string?>();
        if (value is not null && parse(value) is { Valid: false } outcome)
        {
            result.AddError(outcome.Error);
        }
    }
}
