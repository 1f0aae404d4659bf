using System.Text.Json;

namespace Han.Web.Tests;

/// <summary>The OpenAPI document the server serves describes every endpoint it has.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_TheDocument_ListsEveryEndpoint()
    {
        await using var web = await RunningWebServer.StartAsync();

        using var document = JsonDocument.Parse(await web.Client.GetStringAsync("openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["/", "/api/meters", "/api/meters/{name}/live", "/api/meters/{name}/live/recent", "/api/meters/{name}/live/stream", "/metrics"],
            paths);
        var stream = document.RootElement.GetProperty("paths").GetProperty("/api/meters/{name}/live/stream").GetProperty("get");
        Assert.True(stream.GetProperty("responses").TryGetProperty("200", out var ok), stream.ToString());
        Assert.True(ok.GetProperty("content").TryGetProperty("text/event-stream", out _), stream.ToString());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }
}
