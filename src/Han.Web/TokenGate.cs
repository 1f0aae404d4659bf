using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Han.Web;

/// <summary>
/// The access token, when one is configured: every request carries <c>Authorization: Bearer TOKEN</c>
/// (scripts, Prometheus' <c>authorization</c> setting) or the <c>han_token</c> cookie. A browser gets the
/// cookie by opening any page once with <c>?token=TOKEN</c>; the answer then sends it back to the same
/// address without the token, so the token does not stay in the address bar or the history. The cookie
/// is HttpOnly (no script reads it) and SameSite=Strict (no other site's page sends it). Anything else
/// is answered 401, the same for a missing and a wrong token.
/// </summary>
internal sealed class TokenGate(string token)
{
    public const string CookieName = "han_token";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("token", out var given) && Matches(given.ToString()))
        {
            context.Response.Cookies.Append(CookieName, given.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = request.IsHttps,
                Path = "/",
            });
            context.Response.Redirect(SamePlace(request) + QueryWithout(request.Query, "token"));
            return;
        }

        if (Matches(Bearer(request)) || (request.Cookies.TryGetValue(CookieName, out var cookie) && Matches(cookie)))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"han\"";
        if (WantsPage(request))
        {
            // A person at a browser: a form that opens the same address with ?token=, the way above.
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(TokenPage.Html).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("han: this needs the access token (web.token): send Authorization: Bearer TOKEN, or open the page once with ?token=TOKEN\n").ConfigureAwait(false);
    }

    /// <summary>A browser opening a page (it asks for HTML first), not a script or the dashboard's own requests.</summary>
    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The request's own path; a path that would read as another host (<c>//example.org</c>) goes to <c>/</c> instead.</summary>
    private static string SamePlace(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).ToUriComponent();
        return path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal) ? "/" : path;
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static string QueryWithout(IQueryCollection query, string name)
    {
        var rest = query.Where(pair => pair.Key != name).SelectMany(pair => pair.Value.Select(value => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(value ?? string.Empty))).ToList();
        return rest.Count == 0 ? string.Empty : "?" + string.Join('&', rest);
    }

    /// <summary>In constant time, so that the answer's timing tells nothing about how much of a guess was right.</summary>
    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
