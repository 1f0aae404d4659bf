using Han.Web;

namespace Han.Cli.Configuration;

/// <summary>
/// Reads the <c>web:</c> section of <c>han run</c>'s configuration (docs/web.md):
/// <code>
/// web:
///   listen: 127.0.0.1:8080     # the default: this machine only
///   token_file: /etc/han/web.token  # or token:; required when listen is beyond loopback
/// </code>
/// The web server runs when the section is there (<c>web:</c> alone takes the defaults; an empty <c>web: {}</c> holds no setting and is not seen) and not <c>enabled: false</c>:
/// a service that grabbed port 8080 unasked could stop another program, or han itself, from starting.
/// </summary>
internal static class WebConfigurationReader
{
    public const string Section = "web";

    /// <summary>The settings of the section, as paths below it.</summary>
    public static readonly string[] Keys = ["enabled", "listen", "token", "token_file"];

    /// <summary>The least length of a token: a guessable one would be no protection on a network.</summary>
    public const int ShortestToken = 16;

    /// <summary>The options, or null when the section is not there or says <c>enabled: false</c>.</summary>
    public static WebOptions? Read(ConfigurationChecker check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.ReadBool($"{Section}:enabled", check.HasSection(Section)))
        {
            return null;
        }

        var errorsBefore = check.Errors.Count;
        var listen = WebOptions.DefaultListen;
        if (check.Get($"{Section}:listen") is { } setting)
        {
            if (ListenAddress.TryParse(setting.Value, out var parsed, out var problem))
            {
                listen = parsed!;
            }
            else
            {
                check.Fail(setting, problem);
            }
        }

        var token = check.ReadSecretText($"{Section}:token");
        if (token is { } tokenSetting && tokenSetting.Text.Length < ShortestToken)
        {
            // The value is a secret: named, never shown.
            check.Error($"{tokenSetting.Source.Name} ({tokenSetting.Source.Origin}): the token is {tokenSetting.Text.Length} characters long; give at least {ShortestToken} random ones, as from: openssl rand -hex 32");
        }

        if (token is null && !ListenAddress.IsLoopback(listen))
        {
            check.Error($"web.listen: '{listen}' reaches beyond this machine, so the web server needs an access token: set web.token_file (or web.token) to a file holding a long random token (openssl rand -hex 32), or listen on 127.0.0.1");
        }

        return check.Errors.Count > errorsBefore ? null : new WebOptions(listen, token?.Text);
    }
}
