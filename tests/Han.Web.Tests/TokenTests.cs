using System.Net;
using System.Net.Http.Headers;

namespace Han.Web.Tests;

/// <summary>With web.token set, every request needs it: as a bearer token, or once in the address for a browser's cookie.</summary>
public sealed class TokenTests
{
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("api/meters")]
    [InlineData("api/meters/house/live")]
    [InlineData("metrics")]
    [InlineData("openapi/v1.json")]
    [InlineData("")]
    public async Task Get_NoToken_Is401(string path)
    {
        await using var web = await RunningWebServer.StartAsync(Token);

        using var answer = await web.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Get_ABrowserWithoutTheToken_Gets401WithAFormThatAsksForIt()
    {
        await using var web = await RunningWebServer.StartAsync(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");

        using var answer = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"get\"><input type=\"password\" name=\"token\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WrongBearerToken_Is401()
    {
        await using var web = await RunningWebServer.StartAsync(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/meters");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token[..^1] + "0");

        using var answer = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task Get_RightBearerToken_Answers()
    {
        await using var web = await RunningWebServer.StartAsync(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/meters");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var answer = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task Get_TokenInTheAddress_SetsAnHttpOnlyCookieAndSendsBackWithoutIt()
    {
        await using var web = await RunningWebServer.StartAsync(Token);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = web.Server.Address };

        using var first = await browser.GetAsync("api/meters?token=" + Token + "&x=1");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/api/meters?x=1", first.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        using var then = await browser.GetAsync("api/meters?x=1");
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);
    }

    [Fact]
    public async Task Get_TokenInTheAddressOfAPathLikeAHost_SendsBackToThisServer()
    {
        await using var web = await RunningWebServer.StartAsync(Token);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.Server.Address };

        // Absolute, on this server: a relative "//example.org/" would be another host.
        var address = new Uri(web.Server.Address!.GetLeftPart(UriPartial.Authority) + "//example.org/?token=" + Token);
        Assert.Equal("//example.org/", address.AbsolutePath);

        using var first = await browser.GetAsync(address);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_WrongTokenInTheAddress_Is401WithoutACookie()
    {
        await using var web = await RunningWebServer.StartAsync(Token);

        using var answer = await web.Client.GetAsync("api/meters?token=guess");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_NoTokenConfigured_AnswersWithoutOne()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var answer = await web.Client.GetAsync("api/meters");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
