namespace Han.Web.Tests;

/// <summary>A plain reader of a text/event-stream over a real HTTP connection, line by line.</summary>
internal sealed class ServerSentEvents : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private ServerSentEvents(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<ServerSentEvents> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _reader.ReadLineAsync(timeout.Token);
    }

    public async Task WaitForCommentAsync(string text)
    {
        while (await ReadLineAsync() is { } line)
        {
            if (line == ": " + text)
            {
                return;
            }
        }

        Assert.Fail($"the stream ended before the comment '{text}'");
    }

    /// <summary>The next event's name and data, past comments.</summary>
    public async Task<(string? Name, string Data)> NextEventAsync()
    {
        string? name = null;
        string? data = null;
        while (await ReadLineAsync() is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                return (name, data);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        Assert.Fail("the stream ended before the next event");
        return default;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
