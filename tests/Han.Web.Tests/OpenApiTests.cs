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
            [
                "/", "/api/history", "/api/meters", "/api/meters/{name}/capacity", "/api/meters/{name}/cost", "/api/meters/{name}/energy", "/api/meters/{name}/flags",
                "/api/meters/{name}/live", "/api/meters/{name}/live/recent", "/api/meters/{name}/live/stream", "/api/meters/{name}/power", "/api/status", "/metrics",
            ],
            paths);
        var energy = document.RootElement.GetProperty("paths").GetProperty("/api/meters/{name}/energy").GetProperty("get");
        var parameters = energy.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).ToList();
        Assert.Contains(("resolution", "query"), parameters);
        Assert.Contains(("from", "query"), parameters);
        Assert.Contains(("to", "query"), parameters);
        Assert.True(energy.GetProperty("responses").TryGetProperty("400", out _), energy.ToString());
        var stream = document.RootElement.GetProperty("paths").GetProperty("/api/meters/{name}/live/stream").GetProperty("get");
        Assert.True(stream.GetProperty("responses").TryGetProperty("200", out var ok), stream.ToString());
        Assert.True(ok.GetProperty("content").TryGetProperty("text/event-stream", out _), stream.ToString());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }
}
