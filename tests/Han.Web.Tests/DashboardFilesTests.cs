using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Han.Web.Tests;

/// <summary>The dashboard's embedded files as the web server serves them: content types, ETags, gzip.</summary>
public sealed class DashboardFilesTests
{
    [Fact]
    public async Task Home_ThePage_IsTheDashboard()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var answer = await web.Client.GetAsync("");

        Assert.Equal("text/html; charset=utf-8", answer.Content.Headers.ContentType?.ToString());
        var page = await answer.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"js/main.js\"></script>", page, StringComparison.Ordinal);
        Assert.Contains("vendor/uplot/uPlot.iife.min.js", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.css", "text/css; charset=utf-8")]
    [InlineData("js/main.js", "text/javascript; charset=utf-8")]
    [InlineData("vendor/uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8")]
    [InlineData("vendor/uplot/uPlot.min.css", "text/css; charset=utf-8")]
    [InlineData("icon.svg", "image/svg+xml")]
    public async Task Get_AFile_HasItsContentTypeAndAnETag(string path, string contentType)
    {
        await using var web = await RunningWebServer.StartAsync();

        using var answer = await web.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(contentType, answer.Content.Headers.ContentType?.ToString());
        Assert.NotNull(answer.Headers.ETag);
        Assert.True(answer.Headers.CacheControl?.NoCache, answer.Headers.CacheControl?.ToString());
        Assert.NotEmpty(await answer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_TheETagAgain_Is304WithoutABody()
    {
        await using var web = await RunningWebServer.StartAsync();
        using var first = await web.Client.GetAsync("js/main.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "js/main.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var answer = await web.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, answer.StatusCode);
        Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_AcceptingGzip_IsCompressedAndTheSameWhenUnpacked()
    {
        await using var web = await RunningWebServer.StartAsync();
        var plain = await web.Client.GetByteArrayAsync("vendor/uplot/uPlot.iife.min.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "vendor/uplot/uPlot.iife.min.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var answer = await web.Client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(answer.Content.Headers.ContentEncoding));
        var packed = await answer.Content.ReadAsByteArrayAsync();
        Assert.True(packed.Length < plain.Length / 2, $"{packed.Length} bytes packed of {plain.Length}");
        await using var unpacking = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await unpacking.CopyToAsync(unpacked);
        Assert.Equal(plain, unpacked.ToArray());
    }

    [Fact]
    public async Task Get_AFileThatIsNotThere_Is404()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var answer = await web.Client.GetAsync("js/nothing.js");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
