namespace Han.Web;

/// <summary>
/// What a browser without the token sees instead of the dashboard: a form in English and Norwegian that
/// opens the same address with <c>?token=</c>, which <see cref="TokenGate"/> answers with its cookie.
/// Nothing of the meters is on it.
/// </summary>
internal static class TokenPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark"><title>han: access token</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 26rem; margin: 12vh auto; padding: 0 1rem; line-height: 1.5; }
        form { display: flex; gap: .5rem; } input { flex: 1; min-width: 0; padding: .4rem .6rem; font: inherit; } button { font: inherit; padding: .4rem .9rem; }
        p { color: GrayText; }
        </style></head><body>
        <h1>han needs its access token</h1>
        <p>This han asks for a token (<code>web.token</code> in its configuration). Enter it once; the browser keeps it.<br>
        <span lang="nb">Dette han-programmet krever en tilgangsnøkkel (<code>web.token</code> i oppsettet). Skriv den inn én gang, så husker nettleseren den.</span></p>
        <form method="get"><input type="password" name="token" required autofocus aria-label="Access token / Tilgangsnøkkel" placeholder="Access token / Tilgangsnøkkel"><button>Open / Åpne</button></form>
        </body></html>

        """;
}
